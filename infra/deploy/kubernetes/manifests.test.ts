// The Kubernetes manifests (README.md beside this file), built by kustomize for each overlay, offline:
// every object passes the Kubernetes API schema of its kind, and the deployment's own rules hold.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Secret, Service, type IContainer, type IProbe, type ISecret } from 'kubernetes-models/v1';
import { configVariables, loadConfig, type VariableName } from '../../config';
import { roleModules } from '../../roles/modules/role-modules';
import {
  buildOverlay,
  containerPort,
  containersOf,
  nameOf,
  preStopSleepSeconds,
  quantity,
  repositoryRoot,
  schemaProblem,
  type BuiltObject,
} from './built-manifests';

const overlays = ['dev', 'production'] as const;
/** `app.kubernetes.io/name` of the Deployments of the product's image, one per role. */
const productName = 'booking-rush';
const roleLabel = 'app.kubernetes.io/component';
const secretName = 'booking-rush-secrets';
/** infra/roles/start.ts: after SIGTERM a process stops gracefully within 15 s, or exits 1. */
const shutdownDeadlineSeconds = 15;
/** Without these every pod would fall back to a store of its own (seat counters, read models) or fail. */
const requiredSecrets = ['DATABASE_URL', 'REDIS_URL', 'MONGO_URL', 'SMTP_URL', 'JWT_SECRET'];

const isVariable = (name: string): name is VariableName => Object.hasOwn(configVariables, name);
/** Passwords and keys, and server URLs, which may carry a password. */
const isSecretVariable = (name: VariableName) =>
  configVariables[name].secret === true || name.endsWith('_URL');
/** A value the process would refuse fails here, with the variable's own reason. */
const assertValid = (where: string, name: VariableName, value: string) =>
  assert.doesNotThrow(() => configVariables[name].parse(value), `${where}: ${name}=${value}`);

const podOf = (deployment: IDeployment) => deployment.spec!.template;
const roleOf = (deployment: IDeployment) => podOf(deployment).metadata?.labels?.[roleLabel] ?? '?';
const isProduct = (deployment: IDeployment) =>
  podOf(deployment).metadata?.labels?.['app.kubernetes.io/name'] === productName;

function httpProbe(container: IContainer, probe: IProbe | undefined, what: string) {
  assert.ok(probe?.httpGet, `${container.name}: no HTTP ${what} probe`);
  const port = containerPort(container, probe.httpGet.port);
  assert.ok(
    port,
    `${container.name}: the ${what} probe's port ${probe.httpGet.port} is not a container port`,
  );
  return { path: probe.httpGet.path, port: port.containerPort };
}

for (const overlay of overlays) {
  describe(`Kubernetes manifests, overlays/${overlay}`, () => {
    let objects: BuiltObject[];
    let deployments: IDeployment[];
    let products: IDeployment[];
    let settings: Record<string, string>;
    let secret: ISecret | undefined;
    before(async () => {
      objects = await buildOverlay(overlay);
      deployments = objects.filter(Deployment.is);
      products = deployments.filter(isProduct);
      const configMaps = objects.filter(ConfigMap.is);
      assert.equal(configMaps.length, 1, 'one ConfigMap of settings');
      settings = configMaps[0]!.data ?? {};
      secret = objects.filter(Secret.is)[0];
    });

    it('builds objects that the Kubernetes API schemas accept', async () => {
      assert.ok(objects.length > 0);
      const problems = await Promise.all(
        objects.map(async (object) => {
          const problem = await schemaProblem(object);
          return problem && `${object.kind}/${nameOf(object)}: ${problem}`;
        }),
      );
      assert.deepEqual(problems.filter(Boolean), []);
    });

    it('runs every role that runs a container in a Deployment of its own', () => {
      assert.deepEqual(products.map(roleOf).sort(), Object.keys(roleModules).sort());
      for (const deployment of products) {
        const containers = containersOf(deployment);
        assert.equal(containers.length, 1, nameOf(deployment));
        assert.deepEqual(containers[0]!.args, [
          'node_modules/.bin/tsx',
          'infra/cli/main.ts',
          roleOf(deployment),
        ]);
      }
    });

    it('probes every role on its port: /health for start-up and liveness, /ready for readiness', () => {
      const port = Number(settings.PORT);
      for (const container of products.flatMap(containersOf)) {
        assert.deepEqual(httpProbe(container, container.startupProbe, 'startup'), { path: '/health', port });
        assert.deepEqual(httpProbe(container, container.livenessProbe, 'liveness'), {
          path: '/health',
          port,
        });
        assert.deepEqual(httpProbe(container, container.readinessProbe, 'readiness'), {
          path: '/ready',
          port,
        });
      }
      for (const container of deployments.filter((d) => !isProduct(d)).flatMap(containersOf)) {
        httpProbe(container, container.livenessProbe, 'liveness');
        httpProbe(container, container.readinessProbe, 'readiness');
      }
    });

    it('sizes every container: CPU and memory requested and limited, requests within limits', () => {
      for (const container of deployments.flatMap(containersOf)) {
        for (const resource of ['cpu', 'memory']) {
          const request = container.resources?.requests?.[resource];
          const limit = container.resources?.limits?.[resource];
          assert.ok(request !== undefined && limit !== undefined, `${container.name}: ${resource}`);
          assert.ok(
            quantity(request) <= quantity(limit),
            `${container.name}: ${resource} request over limit`,
          );
        }
      }
    });

    it('scales the command API on CPU with a HorizontalPodAutoscaler, which alone sets its replicas', () => {
      const autoscalers = objects.filter(HorizontalPodAutoscaler.is);
      assert.equal(autoscalers.length, 1);
      const { scaleTargetRef, metrics, minReplicas = 1, maxReplicas } = autoscalers[0]!.spec!;
      assert.deepEqual(scaleTargetRef, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'command-api' });
      const target = products.find((deployment) => nameOf(deployment) === 'command-api');
      assert.ok(target, 'no Deployment command-api');
      assert.equal(roleOf(target), 'command-api');
      assert.equal(target.spec?.replicas, undefined, 'a replica count would fight the autoscaler');
      assert.ok(metrics?.some((metric) => metric.resource?.name === 'cpu'));
      assert.ok(minReplicas >= 1 && minReplicas <= maxReplicas);
    });

    it('reads only variables of infra/config/variables.ts: secrets from the Secret, the rest from the ConfigMap', () => {
      for (const [name, value] of Object.entries(settings)) {
        assert.ok(isVariable(name), `ConfigMap: ${name} is not a variable`);
        assert.ok(!isSecretVariable(name), `ConfigMap: ${name} belongs in the Secret`);
        assertValid('ConfigMap', name, value);
      }
      for (const [name, value] of Object.entries(secret?.data ?? {})) {
        assert.ok(isVariable(name) && isSecretVariable(name), `Secret: ${name}`);
        assertValid('Secret', name, Buffer.from(value, 'base64').toString());
      }
      for (const container of products.flatMap(containersOf)) {
        for (const source of container.envFrom ?? []) assert.ok(source.configMapRef && !source.secretRef);
        for (const { name, value, valueFrom } of container.env ?? []) {
          assert.ok(isVariable(name), `${container.name}: ${name} is not a variable`);
          const fromSecret = valueFrom?.secretKeyRef;
          assert.equal(isSecretVariable(name), fromSecret !== undefined, `${container.name}: ${name}`);
          if (fromSecret) {
            assert.equal(fromSecret.key, name);
            assert.equal(fromSecret.name, secret ? nameOf(secret) : secretName);
          } else assertValid(container.name, name, value ?? '');
        }
      }
    });

    it('gives every role the same settings, with shared stores it cannot start without', () => {
      const sources = products.flatMap(containersOf).map((container) => ({
        envFrom: container.envFrom,
        secrets: container.env?.filter((variable) => variable.valueFrom),
      }));
      for (const source of sources) assert.deepEqual(source, sources[0]);
      const secrets = sources[0]?.secrets ?? [];
      for (const name of requiredSecrets) {
        const ref = secrets.find((variable) => variable.name === name)?.valueFrom?.secretKeyRef;
        assert.ok(ref && !ref.optional, `${name} must come from the Secret, not optional`);
      }
      assert.ok(settings.EVENT_STORE !== 'pglite' && settings.SQL_DRIVER !== 'pglite');
      assert.ok(settings.KAFKA_BROKERS, 'without Kafka each role would use a bus of its own');
    });

    it('runs every pod as non-root, without privileges or capabilities, on a read-only root filesystem', () => {
      for (const deployment of deployments) {
        const pod = podOf(deployment).spec!;
        assert.equal(pod.automountServiceAccountToken, false, nameOf(deployment));
        assert.equal(pod.securityContext?.runAsNonRoot, true, nameOf(deployment));
        assert.ok((pod.securityContext?.runAsUser ?? 0) > 0, 'a numeric non-root user');
        assert.equal(pod.securityContext?.seccompProfile?.type, 'RuntimeDefault');
        for (const volume of pod.volumes ?? []) assert.ok(volume.emptyDir, `${volume.name}: emptyDir only`);
        for (const container of pod.containers) {
          const context = container.securityContext;
          assert.equal(context?.allowPrivilegeEscalation, false, container.name);
          assert.equal(context?.readOnlyRootFilesystem, true, container.name);
          assert.deepEqual(context?.capabilities?.drop, ['ALL'], container.name);
        }
      }
      for (const container of products.flatMap(containersOf))
        assert.ok(
          container.volumeMounts?.some((mount) => mount.mountPath === '/tmp'),
          'tsx caches in /tmp',
        );
    });

    it("gives every pod time to stop on its own: the preStop wait, then the process's deadline", () => {
      for (const deployment of deployments) {
        const grace = podOf(deployment).spec?.terminationGracePeriodSeconds ?? 30;
        const deadline = isProduct(deployment) ? shutdownDeadlineSeconds : 0;
        for (const container of containersOf(deployment))
          assert.ok(grace > preStopSleepSeconds(container) + deadline, nameOf(deployment));
      }
    });

    it("annotates every role's pod for Prometheus: GET /metrics on its port", () => {
      for (const deployment of products) {
        const annotations = podOf(deployment).metadata?.annotations ?? {};
        assert.deepEqual(
          [
            annotations['prometheus.io/scrape'],
            annotations['prometheus.io/port'],
            annotations['prometheus.io/path'],
          ],
          ['true', settings.PORT, '/metrics'],
          nameOf(deployment),
        );
      }
    });

    it('puts every Deployment under one PodDisruptionBudget that never blocks a node drain', () => {
      const budgets = objects.filter(PodDisruptionBudget.is);
      for (const deployment of deployments) {
        const labels = podOf(deployment).metadata?.labels ?? {};
        const covering = budgets.filter((budget) =>
          Object.entries(budget.spec?.selector?.matchLabels ?? {}).every(
            ([key, value]) => labels[key] === value,
          ),
        );
        assert.equal(covering.length, 1, nameOf(deployment));
        const { maxUnavailable, minAvailable } = covering[0]!.spec!;
        if (minAvailable !== undefined) assert.ok(Number(minAvailable) < (deployment.spec?.replicas ?? 1));
        else assert.ok(Number(maxUnavailable) >= 1, nameOf(deployment));
      }
    });

    it("routes every Service to one Deployment's port, and web's nginx to the Service it names", async () => {
      const services = objects.filter(Service.is);
      for (const service of services) {
        const selector = Object.entries(service.spec?.selector ?? {});
        const selected = deployments.filter((deployment) =>
          selector.every(([key, value]) => podOf(deployment).metadata?.labels?.[key] === value),
        );
        assert.equal(selected.length, 1, nameOf(service));
        for (const port of service.spec?.ports ?? [])
          assert.ok(
            containerPort(containersOf(selected[0]!)[0]!, port.targetPort ?? port.port),
            nameOf(service),
          );
      }
      assert.equal(new Set(services.map((service) => nameOf(service))).size, deployments.length);
      const nginx = await readFile(path.join(repositoryRoot, 'web/nginx.conf'), 'utf8');
      for (const [, host, port] of nginx.matchAll(/proxy_pass http:\/\/([\w-]+):(\d+)/g)) {
        const service = services.find((candidate) => nameOf(candidate) === host);
        assert.ok(
          service?.spec?.ports?.some((candidate) => candidate.port === Number(port)),
          `${host}:${port}`,
        );
      }
    });
  });
}

describe('Kubernetes manifests, overlay by overlay', () => {
  it('pins production to released images: an explicit tag or digest, never latest', async () => {
    const deployments = (await buildOverlay('production')).filter(Deployment.is);
    for (const container of deployments.flatMap(containersOf)) {
      const image = container.image ?? '';
      const tag = /@sha256:[0-9a-f]{64}$/.test(image) ? 'digest' : /:([\w][\w.-]*)$/.exec(image)?.[1];
      assert.ok(tag && tag !== 'latest', `${container.name}: ${image}`);
    }
  });

  it("dev: every role's environment loads as one valid configuration on shared servers", async () => {
    const objects = await buildOverlay('dev');
    const settings = objects.filter(ConfigMap.is)[0]?.data ?? {};
    const secrets = Object.fromEntries(
      Object.entries(objects.filter(Secret.is)[0]?.data ?? {}).map(([name, value]) => [
        name,
        Buffer.from(value, 'base64').toString(),
      ]),
    );
    for (const container of objects.filter(Deployment.is).filter(isProduct).flatMap(containersOf)) {
      const literals = (container.env ?? []).flatMap(({ name, value }) =>
        value === undefined ? [] : [[name, value]],
      );
      const config = loadConfig({ ...settings, ...secrets, ...Object.fromEntries(literals) });
      assert.equal(config.sqlDriver, 'postgres');
      assert.ok(config.redis && config.kafkaBrokers && config.mongoUrl, container.name);
      assert.ok(config.notifications.smtpUrl && config.jwtSecret && config.bootstrapAdmin, container.name);
    }
  });
});
