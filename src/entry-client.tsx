import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router-dom';
import { App } from './app/app';
import { createQueryClient } from './app/query-client';
import { createRoutes } from './app/routes';
import { CONTENT_UPDATE_EVENT } from './content/files';
import './styles/global.css';

const queryClient = createQueryClient();
const router = createBrowserRouter(createRoutes(queryClient), { basename: import.meta.env.BASE_URL.replace(/\/$/, '') || '/' });

createRoot(document.getElementById('root')!).render(<App queryClient={queryClient} router={router} />);

if (import.meta.hot) {
  // The dev server says a post changed: refetch what is on screen, no reload.
  import.meta.hot.on(CONTENT_UPDATE_EVENT, async () => {
    await queryClient.invalidateQueries({ queryKey: ['quire'] });
    await router.revalidate();
  });
}
