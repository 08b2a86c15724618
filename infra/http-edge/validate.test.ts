import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { AppError } from '../../domain/shared';
import { validateBody, validateQuery } from './validate';

class PlainDto {
  @IsString()
  name!: string;

  @IsInt()
  @Min(1)
  @Max(10)
  quantity!: number;
}

class TrimmedDto {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  name!: string;
}

class QueryDto {
  @Type(() => Number)
  @IsInt()
  page!: number;
}

const refusedFields = (error: unknown) => {
  assert.ok(error instanceof AppError && error.code === 'VALIDATION_ERROR', String(error));
  return (error.details as { field: string }[]).map((problem) => problem.field);
};

describe('validateBody', () => {
  it('answers a DTO instance with the fields of a valid body', async () => {
    const dto = await validateBody(PlainDto, { name: 'x', quantity: 3 });
    assert.ok(dto instanceof PlainDto);
    assert.deepEqual({ ...dto }, { name: 'x', quantity: 3 });
  });

  it('refuses keys named constructor or __proto__ like any other unknown key', async () => {
    for (const body of [
      JSON.parse('{"name":"x","quantity":1,"constructor":{"a":1}}'),
      JSON.parse('{"name":"x","quantity":1,"__proto__":{"quantity":1}}'),
    ]) {
      const error = await validateBody(PlainDto, body).catch((e: unknown) => e);
      assert.equal(refusedFields(error).length, 1, JSON.stringify(body));
    }
  });

  it('refuses those keys, and prototype, for a DTO that class-transformer builds too', async () => {
    for (const key of ['constructor', '__proto__', 'prototype']) {
      const body = JSON.parse(`{"name":" x ","${key}":{"name":"y"}}`) as unknown;
      const error = await validateBody(TrimmedDto, body).catch((e: unknown) => e);
      assert.deepEqual(refusedFields(error), [key]);
    }
  });

  it('lists every invalid field', async () => {
    const error = await validateBody(PlainDto, { name: 5, quantity: 11 }).catch((e: unknown) => e);
    assert.deepEqual(refusedFields(error).sort(), ['name', 'quantity']);
  });

  it('still applies class-transformer decorators where a DTO has them', async () => {
    assert.deepEqual({ ...(await validateQuery(QueryDto, { page: '2' })) }, { page: 2 });
  });
});
