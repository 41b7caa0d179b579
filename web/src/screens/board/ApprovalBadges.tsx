import { useTranslation } from 'react-i18next';
import type { TeamApproval } from '../../api/types';

const badgeKey = {
  approved: 'approvals.badge_approved',
  changes_requested: 'approvals.badge_changes_requested',
  stale: 'approvals.badge_stale',
  waiting: 'approvals.badge_waiting',
} as const;

/** One small badge per team the workflow has asked: approved, changes requested, stale, waiting. */
export function ApprovalBadges({ approvals }: { approvals: TeamApproval[] }) {
  const { t } = useTranslation();
  if (approvals.length === 0) return null;
  return (
    <ul className="approval-badges">
      {approvals.map((team) => (
        <li key={team.team_id} className={`approval-badge approval-${team.state}`}>
          {t(badgeKey[team.state], { team: team.team_name })}
        </li>
      ))}
    </ul>
  );
}
