import type { ReactNode } from 'react';
import { Link } from '../../app/router.js';
import type { Route } from '../../app/routes.js';

interface Crumb {
  label: string;
  to: Route;
}

export function PageHeader({ title, crumbs = [], subtitle, actions }: { title: ReactNode; crumbs?: Crumb[]; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div className="page-header__text">
        {crumbs.length > 0 && (
          <nav className="crumbs" aria-label="Breadcrumb">
            {crumbs.map((crumb) => (
              <span key={crumb.label}>
                <Link to={crumb.to} title={crumb.label}>
                  {crumb.label}
                </Link>
                <span className="crumbs__sep" aria-hidden="true">
                  /
                </span>
              </span>
            ))}
          </nav>
        )}
        <h1>{title}</h1>
        {subtitle && <div className="page-header__subtitle">{subtitle}</div>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </header>
  );
}
