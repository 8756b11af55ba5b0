import pg from 'pg';
import { startPgCluster, type PgCluster } from '../../scripts/pg-cluster';
import { migrateCity } from '../../electron/core/city/pg-schema';

export interface CityDb {
  cluster: PgCluster;
  pool: pg.Pool;
  dispose(): Promise<void>;
}

/** A throwaway PostgreSQL cluster with the city schema, for one test file. */
export async function startCityDb(): Promise<CityDb> {
  const cluster = await startPgCluster();
  const pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
  await migrateCity(pool);
  return {
    cluster,
    pool,
    async dispose() {
      await pool.end();
      cluster.dispose();
    },
  };
}
