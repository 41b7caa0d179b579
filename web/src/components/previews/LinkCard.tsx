import { hostOf } from '../../lib/variants';
import { Picture } from './Picture';
import type { PreviewLink } from './types';

/** The card a feed draws for a post's first link: the page's picture, its title, its site. */
export function LinkCard({
  link,
  ratio,
  variant,
}: {
  link: PreviewLink;
  ratio: string | null;
  variant: 'x' | 'linkedin' | 'facebook';
}) {
  const host = hostOf(link.url);
  return (
    <div className={`preview-card preview-card-${variant}`} data-testid="preview-link-card">
      {link.image && <Picture image={link.image} ratio={ratio} className="preview-card-image" />}
      <div className="preview-card-body">
        {variant === 'facebook' && <span className="preview-card-host">{host.toUpperCase()}</span>}
        <span className="preview-card-title">{link.title}</span>
        {variant !== 'facebook' && <span className="preview-card-host">{host}</span>}
      </div>
    </div>
  );
}
