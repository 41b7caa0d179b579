import { createContext, useContext } from 'react';
import type { UploadOptions } from '../../api/client';
import type { Attachment } from '../../api/files';

/**
 * How the rich-text editor sends a pasted, dropped or picked image: as an attachment of the
 * content being written (so it is versioned and approved with the text), then inserted by its
 * URL. Absent where the text is not the caller's to change: the editor then takes images by URL
 * only.
 */
export interface ImageUpload {
  upload: (file: File, alt: string, options: UploadOptions) => Promise<Attachment>;
}

export const ImageUploadContext = createContext<ImageUpload | null>(null);

export function useImageUpload(): ImageUpload | null {
  return useContext(ImageUploadContext);
}
