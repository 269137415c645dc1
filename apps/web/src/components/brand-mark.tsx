/** The star-and-bridge mark, drawn inline so it follows the palette. */
export function BrandMark({ size = 40 }: { size?: number }) {
  return (
    <svg
      className="brand-mark"
      width={size}
      height={size}
      viewBox="0 0 40 40"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="40" height="40" rx="9" fill="var(--red-700)" />
      <path
        d="M20 7l3.1 6.6 7.2.8-5.4 4.9 1.5 7.1L20 22.8l-6.4 3.6 1.5-7.1-5.4-4.9 7.2-.8z"
        fill="var(--gold-400)"
      />
      <path
        d="M6 33c4-5 9-7 14-7s10 2 14 7"
        stroke="var(--gold-400)"
        strokeWidth="2.2"
        fill="none"
        strokeLinecap="round"
      />
    </svg>
  );
}
