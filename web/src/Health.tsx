import { useQuery } from 'urql';

const HealthQuery = /* GraphQL */ `
  query Health {
    health {
      database
      temporal
      worker
      version
    }
  }
`;

interface HealthData {
  health: { database: string; temporal: string; worker: string; version: string };
}

const parts = [
  { key: 'database', label: 'データベース / Database' },
  { key: 'temporal', label: 'ワークフロー基盤 / Temporal' },
  { key: 'worker', label: 'ワーカー / Worker' },
] as const;

/** What the foundation's staff check first when something seems off. */
export function Health() {
  const [{ data, fetching, error }, refresh] = useQuery<HealthData>({
    query: HealthQuery,
    requestPolicy: 'network-only',
  });
  return (
    <section aria-labelledby="health-title" className="card">
      <h2 id="health-title">システムの状態 / System status</h2>
      {fetching && !data ? <p role="status">確認中… / Checking…</p> : null}
      {error ? (
        <p role="alert" className="problem">
          APIに接続できません / The API does not answer: {error.message}
        </p>
      ) : null}
      {data ? (
        <dl className="health">
          {parts.map(({ key, label }) => {
            const value = data.health[key];
            return (
              <div key={key} data-testid={`health-${key}`}>
                <dt>{label}</dt>
                <dd className={value === 'ok' ? 'ok' : 'problem'}>{value === 'ok' ? '✓ ok' : value}</dd>
              </div>
            );
          })}
          <div>
            <dt>バージョン / Version</dt>
            <dd>{data.health.version}</dd>
          </div>
        </dl>
      ) : null}
      <button type="button" onClick={() => refresh({ requestPolicy: 'network-only' })}>
        再確認 / Check again
      </button>
    </section>
  );
}
