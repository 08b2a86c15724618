import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Length, MaxLength } from 'class-validator';
import {
  nameMaxLength,
  passwordMaxLength,
  passwordMinLength,
  userRoles,
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

export class RenameBody {
  @IsString()
  @Length(1, nameMaxLength)
  name!: string;
}

export class ChangeRoleBody {
  @IsIn(userRoles, { message: `role must be one of ${userRoles.join(', ')}` })
  role!: UserRole;
}
