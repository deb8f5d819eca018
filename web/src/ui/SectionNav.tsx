import { Link, useLocation } from 'wouter';
import { useCountBadge } from '../inbox/live';

export interface SectionLink {
  href: string;
  label: string;
  /** Other paths that belong to the section (a request's page belongs to the board). */
  alsoUnder?: readonly string[];
  /** What waits there, unread (offers to answer, escalations): shown as a count. */
  badge?: { count: number; label: string } | null;
}

const under = (location: string, path: string) =>
  path === '/' ? location === '/' : location === path || location.startsWith(`${path}/`);

function SectionNavLink({ link, current }: { link: SectionLink; current: boolean }) {
  const { describedBy, badge } = useCountBadge(link.badge);
  return (
    // The badge beside the link, not in it: the link keeps its name ("Offers", not "Offers 2").
    <span className="nav-item">
      <Link href={link.href} aria-current={current ? 'page' : undefined} aria-describedby={describedBy}>
        {link.label}
      </Link>
      {badge}
    </span>
  );
}

/** The sections of a portal, the current one marked for screen readers and the eye. */
export function SectionNav({ label, links }: { label: string; links: readonly SectionLink[] }) {
  const [location] = useLocation();
  return (
    <nav className="section-nav" aria-label={label}>
      {links.map((link) => (
        <SectionNavLink
          key={link.href}
          link={link}
          current={[link.href, ...(link.alsoUnder ?? [])].some((path) => under(location, path))}
        />
      ))}
    </nav>
  );
}
