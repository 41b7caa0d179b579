import { initials } from '../../lib/variants';
import type { PreviewPage } from './types';

/** The page's picture, or its initials on a coloured disc; round, or square for a newsletter. */
export function Avatar({ page, size = 40 }: { page: PreviewPage; size?: number }) {
  return page.avatarUrl ? (
    <img
      className="preview-avatar"
      src={page.avatarUrl}
      alt=""
      width={size}
      height={size}
      style={{ width: size, height: size }}
    />
  ) : (
    <span
      className="preview-avatar preview-avatar-initials"
      aria-hidden="true"
      style={{ width: size, height: size, fontSize: size * 0.4 }}
    >
      {initials(page.name)}
    </span>
  );
}
