import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/infra/db/sqlite/schema.ts',
  out: './migrations/sqlite',
});
