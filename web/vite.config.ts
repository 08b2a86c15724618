import adapter from '@sveltejs/adapter-static';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// SvelteKit 3 takes its options here (svelte.config.js is no longer read).
export default defineConfig({
  plugins: [
    sveltekit({
      // A single-page app: every route renders in the browser; the API server answers unknown paths
      // with index.html (infra/http/web-app.ts).
      adapter: adapter({ fallback: 'index.html' }),
      alias: { $lib: 'src/lib' },
    }),
  ],
  ssr: {
    // Kit's runtime needs cookie 2; the repository root holds express's cookie 0.x. Bundling takes the
    // copy next to kit instead of the root one (the SPA's build still loads this server code once).
    noExternal: ['cookie'],
  },
  server: {
    // `vite dev` in web/ against `npm start` on :3000.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
