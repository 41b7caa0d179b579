import { useTranslation } from 'react-i18next';
import { usePresence } from '../../live/LiveProvider';

function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

/** "Claire is also here": the other people looking at this content now. */
export function PresenceRow({ contentId, myId }: { contentId: string; myId: string }) {
  const { t, i18n } = useTranslation();
  const people = usePresence(contentId, myId);
  if (people.length === 0) return null;
  const names = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    people.map((person) => person.name),
  );
  return (
    <div className="presence" role="status" aria-label={t('live.presence')}>
      <span className="presence-avatars" aria-hidden="true">
        {people.slice(0, 5).map((person) => (
          <span key={person.id} className="avatar" title={person.name}>
            {initials(person.name)}
          </span>
        ))}
      </span>
      <span>{t('live.also_here', { names, count: people.length })}</span>
    </div>
  );
}
