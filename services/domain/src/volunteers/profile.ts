/** What a volunteer's profile still lacks before matching can offer them work. */
export type ProfileGap = 'phone' | 'languages' | 'regions' | 'availability' | 'confidentialityPledge';

export interface ProfileForCompleteness {
  phone: string | null;
  remoteCapable: boolean;
  confidentialityPledgeSignedAt: Date | null;
  languageCount: number;
  regionCount: number;
  availabilityWindowCount: number;
}

export interface ProfileCompleteness {
  complete: boolean;
  missing: ProfileGap[];
}

export function profileCompleteness(profile: ProfileForCompleteness): ProfileCompleteness {
  const missing: ProfileGap[] = [];
  if (!profile.phone) missing.push('phone');
  if (profile.languageCount === 0) missing.push('languages');
  // A remote-capable volunteer can be matched without covering a place.
  if (profile.regionCount === 0 && !profile.remoteCapable) missing.push('regions');
  if (profile.availabilityWindowCount === 0) missing.push('availability');
  if (profile.confidentialityPledgeSignedAt === null) missing.push('confidentialityPledge');
  return { complete: missing.length === 0, missing };
}

export type VolunteerStatus = 'applied' | 'active' | 'suspended' | 'retired';

/** Who may become what: an application is accepted (or withdrawn), a retired volunteer may come back. */
const volunteerStatusChanges: Record<VolunteerStatus, VolunteerStatus[]> = {
  applied: ['active', 'retired'],
  active: ['suspended', 'retired'],
  suspended: ['active', 'retired'],
  retired: ['active'],
};

export function canChangeVolunteerStatus(from: VolunteerStatus, to: VolunteerStatus): boolean {
  return volunteerStatusChanges[from].includes(to);
}

export type MembershipStatus = 'applied' | 'active' | 'suspended' | 'left';

/** A membership of one association; a volunteer who left may be taken back. */
const membershipStatusChanges: Record<MembershipStatus, MembershipStatus[]> = {
  applied: ['active', 'left'],
  active: ['suspended', 'left'],
  suspended: ['active', 'left'],
  left: ['active'],
};

export function canChangeMembershipStatus(from: MembershipStatus, to: MembershipStatus): boolean {
  return membershipStatusChanges[from].includes(to);
}
