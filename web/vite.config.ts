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
      // The page's Content-Security-Policy, written into index.html as a <meta> with the hash of
      // SvelteKit's inline start-up script (it changes with every build). The embedded server sends it
      // as a header too, with frame-ancestors, which a <meta> cannot carry (infra/http/web-app.ts);
      // nginx.conf adds the headers a <meta> cannot. Style attributes only are allowed inline (the
      // app shell's `display: contents` wrapper); scripts and style sheets come from the app's origin.
      csp: {
        mode: 'hash',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          'style-src': ['self'],
          'style-src-attr': ['unsafe-inline'],
          // The ticket's QR code is drawn as a data: URL.
          'img-src': ['self', 'data:'],
          'connect-src': ['self'],
          'object-src': ['none'],
          'base-uri': ['self'],
          'form-action': ['self'],
        },
      },
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
