import { cssRatio } from '../../lib/variants';
import type { PreviewImage } from './types';

/** A picture cropped as the feed crops it: the network's ratio, the middle of the image kept. */
export function Picture({
  image,
  ratio,
  className = 'preview-image',
}: {
  image: PreviewImage;
  ratio: string | null;
  className?: string;
}) {
  const aspectRatio = cssRatio(ratio);
  return (
    <img
      className={className}
      src={image.url}
      alt={image.alt}
      style={aspectRatio ? { aspectRatio, objectFit: 'cover' } : undefined}
      data-ratio={ratio ?? undefined}
    />
  );
}
