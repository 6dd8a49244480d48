import { createContext, useCallback, useContext, useEffect, useMemo, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { hrefOf, parseRoute, type Route } from './routes.js';

interface Navigation {
  route: Route;
  navigate: (to: Route, options?: { replace?: boolean }) => void;
}

const NavigationContext = createContext<Navigation | null>(null);

/** History-API routing: the server answers every page path with index.html, so URLs are plain paths. */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname, window.location.search));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.pathname, window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: Route, options: { replace?: boolean } = {}) => {
    const href = hrefOf(to);
    if (options.replace) window.history.replaceState(null, '', href);
    else window.history.pushState(null, '', href);
    setRoute(parseRoute(window.location.pathname, window.location.search));
    window.scrollTo(0, 0);
  }, []);
  const value = useMemo(() => ({ route, navigate }), [route, navigate]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation outside RouterProvider');
  return navigation;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: Route };

/** An ordinary anchor (so open-in-new-tab works) that navigates in place on a plain click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const { navigate } = useNavigation();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={hrefOf(to)} onClick={handleClick} {...rest} />;
}
