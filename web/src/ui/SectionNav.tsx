import { Link, useLocation } from 'wouter';

export interface SectionLink {
  href: string;
  label: string;
  /** Other paths that belong to the section (a request's page belongs to the board). */
  alsoUnder?: readonly string[];
}

const under = (location: string, path: string) =>
  path === '/' ? location === '/' : location === path || location.startsWith(`${path}/`);

/** The sections of a portal, the current one marked for screen readers and the eye. */
export function SectionNav({ label, links }: { label: string; links: readonly SectionLink[] }) {
  const [location] = useLocation();
  return (
    <nav className="section-nav" aria-label={label}>
      {links.map((link) => {
        const current = [link.href, ...(link.alsoUnder ?? [])].some((path) => under(location, path));
        return (
          <Link key={link.href} href={link.href} aria-current={current ? 'page' : undefined}>
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
