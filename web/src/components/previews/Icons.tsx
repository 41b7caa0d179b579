// The feeds' action icons, drawn as lines (emoji fonts differ from one machine to the next).

const paths = {
  comment: 'M4 5h16v11H9l-5 4z',
  repost: 'M7 7h11v5M17 17H6v-5M15 4l3 3-3 3M9 20l-3-3 3-3',
  like: 'M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.5A4 4 0 0 1 19 10c0 5.5-7 10-7 10z',
  share: 'M4 12l16-8-6 16-2-6z',
  thumb: 'M7 11v9H4v-9zM7 11l4-7a2 2 0 0 1 3 2l-1 4h6a2 2 0 0 1 2 2l-2 7H7',
  views: 'M5 20V12M10 20V6M15 20v-9M20 20V9',
  globe: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
} as const;

export type IconName = keyof typeof paths;

/** A feed's row of actions under a post (decorative: nothing to press in a preview). */
export function Actions({ icons, spread = false }: { icons: IconName[]; spread?: boolean }) {
  return (
    <p
      className={
        spread
          ? 'preview-actions preview-muted preview-actions-spread'
          : 'preview-actions preview-muted'
      }
      aria-hidden="true"
    >
      {icons.map((icon) => (
        <Icon key={icon} name={icon} />
      ))}
    </p>
  );
}

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="preview-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={paths[name]} />
    </svg>
  );
}
