/** Drawn, not an emoji: kiosk PCs may lack a colour-emoji font. */
export function HelmetIcon({ size = 200 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <path d="M8 40a24 22 0 0 1 48 0v3H8z" fill="#f5c542" />
      <path d="M32 18c-8 0-14 6-16 14h32c-2-8-8-14-16-14z" fill="#ffd966" />
      <rect x="6" y="42" width="52" height="6" rx="3" fill="#e0a800" />
      <path d="M20 48v6a12 5 0 0 0 24 0v-6" fill="none" stroke="#fff" strokeWidth="3" />
    </svg>
  );
}
