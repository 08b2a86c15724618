import { JSONSchema } from 'class-validator-jsonschema';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import {
  nameMaxLength,
  passwordMaxLength,
  passwordMinLength,
  userLocales,
  userRoles,
  type UserLocale,
  type UserRole,
} from '../../../domain/identity';

// Request bodies of the identity API. `validateBody` rejects unknown fields and lists every problem.

/** Addresses are compared trimmed and lower-cased; surrounding spaces are no reason to refuse one. */
const trimmed = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class RegisterBody {
  @trimmed()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @IsString()
  @Length(passwordMinLength, passwordMaxLength)
  password!: string;

  @IsString()
  @Length(1, nameMaxLength)
  name!: string;

  /** The language of the account's e-mails; when absent, Accept-Language decides (else `en`). */
  @IsOptional()
  @IsIn(userLocales, { message: `locale must be one of ${userLocales.join(', ')}` })
  locale?: UserLocale;
}

export class LoginBody {
  @trimmed()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  // Any length: a wrong password is a 401, never a hint about the rules.
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class RefreshTokenBody {
  @IsString()
  @Length(1, 512)
  refreshToken!: string;
}

/** `PUT /auth/me`: a new name, a new locale, or both (an empty body names `name` as missing). */
@JSONSchema({ minProperties: 1 })
export class ProfileBody {
  @ValidateIf((body: ProfileBody) => body.locale === undefined || body.name !== undefined)
  @IsString()
  @Length(1, nameMaxLength)
  name?: string;

  // May be left out, but not null: a profile always has a language.
  @ValidateIf((_body, value) => value !== undefined)
  @IsIn(userLocales, { message: `locale must be one of ${userLocales.join(', ')}` })
  locale?: UserLocale;
}

export class ChangeRoleBody {
  @IsIn(userRoles, { message: `role must be one of ${userRoles.join(', ')}` })
  role!: UserRole;
}
