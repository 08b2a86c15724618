import type { Decider } from '../shared';
import type { CatalogCommand } from './commands';
import { cancelEvent, createEvent, publishEvent, updateEvent } from './decide-event';
import { addShow, addZone, updateShow, updateZone } from './decide-show-zone';
import { configureWaitingRoom, pauseAdmission, resumeAdmission } from './decide-waiting-room';
import type { CatalogEvent } from './events';
import { evolve, initialEventState, type EventState } from './state';

function decide(command: CatalogCommand, state: EventState): CatalogEvent[] {
  switch (command.type) {
    case 'CreateEvent':
      return createEvent(command, state);
    case 'UpdateEvent':
      return updateEvent(command, state);
    case 'PublishEvent':
      return publishEvent(command, state);
    case 'CancelEvent':
      return cancelEvent(command, state);
    case 'AddShow':
      return addShow(command, state);
    case 'UpdateShow':
      return updateShow(command, state);
    case 'AddZone':
      return addZone(command, state);
    case 'UpdateZone':
      return updateZone(command, state);
    case 'ConfigureWaitingRoom':
      return configureWaitingRoom(command, state);
    case 'PauseAdmission':
      return pauseAdmission(command, state);
    case 'ResumeAdmission':
      return resumeAdmission(command, state);
  }
}

/** The `event-<id>` aggregate: an event, its shows and their zones. */
export const eventDecider: Decider<CatalogCommand, CatalogEvent, EventState> = {
  initialState: initialEventState,
  evolve,
  decide,
};
