import type { ReactNode } from 'react';

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <div className="empty-illustration" aria-hidden="true">
        <svg viewBox="0 0 48 48" width="48" height="48">
          <rect
            x="6"
            y="12"
            width="36"
            height="26"
            rx="6"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.5"
          />
          <path d="M6 20h36" stroke="currentColor" strokeWidth="2.5" />
          <circle cx="34" cy="30" r="3" fill="currentColor" />
        </svg>
      </div>
      <h2 className="empty-title">{title}</h2>
      {children ? <div className="empty-body">{children}</div> : null}
      {action ? <div className="empty-action">{action}</div> : null}
    </div>
  );
}
