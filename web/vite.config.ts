import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: {
    // `pnpm --dir web dev` talks to the API that `npm start` runs.
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/account/personal-data.json': 'http://127.0.0.1:4000' },
  },
});
