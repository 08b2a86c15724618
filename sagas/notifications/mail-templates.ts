import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { mailLocales, notificationTypes, type MailLocale, type NotificationType } from './notification-types';

/** What a template sees: strings already formatted for the reader's locale. */
export type MailModel = Readonly<Record<string, string | number | null | undefined>>;

export type RenderedMail = { readonly subject: string; readonly html: string; readonly text: string };

type Compiled = {
  readonly subject: Handlebars.TemplateDelegate;
  readonly html: Handlebars.TemplateDelegate;
  readonly text: Handlebars.TemplateDelegate;
};

export const defaultTemplatesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');

/**
 * The e-mail templates, `templates/<locale>/<type>.hbs` (HTML), `<type>.txt` (the text part, Handlebars too; kept out of
 * Prettier's reach by its extension) and `subjects.json`,
 * compiled once when loaded; a missing file fails the load, not the first mail of its kind.
 */
export class MailTemplates {
  private constructor(private readonly compiled: ReadonlyMap<string, Compiled>) {}

  static load(dir: string = defaultTemplatesDir): MailTemplates {
    const compiled = new Map<string, Compiled>();
    for (const locale of mailLocales) {
      const subjects = JSON.parse(readFileSync(path.join(dir, locale, 'subjects.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      for (const type of notificationTypes) {
        const subject = subjects[type];
        if (typeof subject !== 'string') throw new Error(`templates/${locale}/subjects.json has no ${type}`);
        const read = (file: string) => readFileSync(path.join(dir, locale, file), 'utf8');
        compiled.set(key(locale, type), {
          // Subjects and text parts are not HTML: escaping would show `&amp;` to the reader.
          subject: Handlebars.compile(subject, { noEscape: true, strict: true }),
          html: Handlebars.compile(read(`${type}.hbs`), { strict: true }),
          text: Handlebars.compile(read(`${type}.txt`), { noEscape: true, strict: true }),
        });
      }
    }
    return new MailTemplates(compiled);
  }

  render(type: NotificationType, locale: MailLocale, model: MailModel): RenderedMail {
    const templates = this.compiled.get(key(locale, type));
    if (!templates) throw new Error(`no templates for ${locale}/${type}`);
    return {
      subject: templates.subject(model).replace(/\s+/g, ' ').trim(),
      html: templates.html(model),
      text: templates.text(model),
    };
  }
}

const key = (locale: MailLocale, type: NotificationType) => `${locale}/${type}`;
