import { Link, Route, Switch, useLocation } from 'wouter';
import { useMessages } from '../i18n';
import { taxMessages } from '../tax/messages';
import { AdminTaxPage } from '../tax/TaxPage';
import { AuditLogPage } from './AuditLog';
import { adminMessages } from './messages';
import { PartnersPage } from './Partners';
import { PeoplePage } from './People';
import { PolicyPage } from './Policy';
import { RatesPage } from './Rates';
import { Staff } from './Staff';
import { System } from './System';

function SectionNav() {
  const t = useMessages(adminMessages);
  const tax = useMessages(taxMessages);
  const [location] = useLocation();
  const links = [
    { href: '/', label: t.sections.staff },
    { href: '/policy', label: t.sections.policy },
    { href: '/partners', label: t.sections.partners },
    { href: '/rates', label: t.sections.rates },
    { href: '/statements', label: tax.payerSection },
    { href: '/audit', label: t.sections.audit },
    { href: '/people', label: t.sections.people },
    { href: '/system', label: t.sections.system },
  ];
  return (
    <nav className="section-nav" aria-label={t.staffTitle}>
      {links.map((link) => (
        <Link key={link.href} href={link.href} aria-current={location === link.href ? 'page' : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}

/**
 * Admins: staff and roles, invitations, the association's policy settings, partners and rate
 * schedules, its audit log, erasure on request, and the system's health.
 */
export default function AdminPortal() {
  return (
    <>
      <SectionNav />
      <Switch>
        <Route path="/" component={Staff} />
        <Route path="/policy" component={PolicyPage} />
        <Route path="/partners" component={PartnersPage} />
        <Route path="/rates" component={RatesPage} />
        <Route path="/statements" component={AdminTaxPage} />
        <Route path="/audit" component={AuditLogPage} />
        <Route path="/people" component={PeoplePage} />
        <Route path="/system" component={System} />
      </Switch>
    </>
  );
}
