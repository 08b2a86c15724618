export type {
  Backlogs,
  FollowerFigures,
  NamedCount,
  ProcessFigures,
  QueueBacklog,
  SystemReading,
  SystemStatus,
  TopicBacklog,
  TrafficWindow,
} from './system-status';
