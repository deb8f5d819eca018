import { type ReactNode, useEffect, useRef } from 'react';
import { useMessages } from '../i18n';
import { common } from '../messages';

/**
 * A page: its title in the tab and as the heading, which takes the focus when the page opens so
 * that keyboard and screen-reader users start from it after a route change.
 */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const t = useMessages(common);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    document.title = `${title} | ${t.appName}`;
  }, [title, t.appName]);
  return (
    <section className="page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
