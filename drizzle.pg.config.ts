import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/infra/db/pg/schema.ts',
  out: './migrations/pg',
});
