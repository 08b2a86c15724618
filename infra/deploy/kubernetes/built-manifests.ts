// What manifests.test.ts reads: an overlay as kustomize builds it, each object checked against the
// Kubernetes API schema of its apiVersion and kind (kubernetes-models), and the small readings its rules
// share (quantities, a probe's port, a pod's environment).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IContainer, IContainerPort } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';

const run = promisify(execFile);
const here = import.meta.dirname;
export const repositoryRoot = path.resolve(here, '../../..');

/** One object of `kustomize build`'s output; a rule narrows it with a model's `is` guard. */
export type BuiltObject = {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: { readonly name?: string };
};

type ModelClass = new (data: unknown) => { validate(): void };

let kustomizeBinary: Promise<string> | undefined;

/**
 * The kustomize that infra/services/lib/kustomize.sh built. infra/test/run-all.sh builds it before the
 * tests, so the script only prints its path here and nothing needs the network.
 */
function kustomize(): Promise<string> {
  kustomizeBinary ??= run('bash', [path.join(repositoryRoot, 'infra/services/lib/kustomize.sh')]).then(
    ({ stdout }) => stdout.trim().split('\n').at(-1)!,
  );
  return kustomizeBinary;
}

/** `kustomize build overlays/<overlay>`, parsed. */
export async function buildOverlay(overlay: string): Promise<BuiltObject[]> {
  const directory = path.join(here, 'overlays', overlay);
  const { stdout } = await run(await kustomize(), ['build', directory], { maxBuffer: 16 * 2 ** 20 });
  return parseAllDocuments(stdout).map((document) => {
    if (document.errors.length > 0) throw document.errors[0];
    return document.toJS() as BuiltObject;
  });
}

/**
 * What the Kubernetes API schema of the object's apiVersion and kind finds wrong with it (types, formats
 * such as quantities, enums, required fields), or undefined. The schemas do not reject unknown field
 * names: the rules read the fields that matter.
 */
export async function schemaProblem(object: BuiltObject): Promise<string | undefined> {
  const models = (await import(`kubernetes-models/${object.apiVersion}`)) as Record<string, unknown>;
  const Model = models[object.kind] as ModelClass | undefined;
  if (!Model) return `no Kubernetes schema for ${object.apiVersion} ${object.kind}`;
  try {
    new Model(object).validate();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export const nameOf = (object: { metadata?: { name?: string } }): string => object.metadata?.name ?? '?';

export function containersOf(deployment: IDeployment): IContainer[] {
  return deployment.spec?.template.spec?.containers ?? [];
}

/** The container port a probe or Service names (by name or number). */
export function containerPort(container: IContainer, port: string | number): IContainerPort | undefined {
  return container.ports?.find((declared) =>
    typeof port === 'number' ? declared.containerPort === port : declared.name === port,
  );
}

/** CPU in cores ("250m", "1", 2) or memory in bytes ("384Mi", "1Gi"), for comparing requests and limits. */
export function quantity(value: string | number): number {
  const match = /^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi)?$/.exec(String(value));
  if (!match) throw new Error(`unreadable quantity ${String(value)}`);
  const scale = { m: 1e-3, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 }[match[2] ?? ''] ?? 1;
  return Number(match[1]) * scale;
}

/** The seconds of a preStop `sleep N`, or 0 without one. */
export function preStopSleepSeconds(container: IContainer): number {
  const command = container.lifecycle?.preStop?.exec?.command;
  return command?.[0] === 'sleep' ? Number(command[1]) : 0;
}
