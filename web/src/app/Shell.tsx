import type { ReactNode } from 'react';
import { Link, useNavigation } from './router.js';
import { useSession } from './session.js';

/** The signed-in frame: brand, the two sections, API docs and the account menu. */
export function Shell({ children }: { children: ReactNode }) {
  const { session, signOut } = useSession();
  const { route } = useNavigation();
  const section = route.page.startsWith('dataset') ? 'datasets' : 'experiments';
  return (
    <div className="shell">
      <header className="topbar">
        <div className="topbar__inner">
          <Link to={{ page: 'experiments' }} className="brand">
            <img src="/favicon.svg" alt="" width={24} height={24} />
            Trainyard
          </Link>
          <nav className="topbar__nav">
            <Link to={{ page: 'experiments' }} aria-current={section === 'experiments' ? 'page' : undefined}>
              Experiments
            </Link>
            <Link to={{ page: 'datasets' }} aria-current={section === 'datasets' ? 'page' : undefined}>
              Datasets
            </Link>
            <a href="/docs" target="_blank" rel="noreferrer">
              API docs
            </a>
          </nav>
          <div className="topbar__account">
            <span className="topbar__email" title={session?.email}>
              {session?.email}
            </span>
            <button type="button" className="button button--small button--ghost" onClick={() => signOut()}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
