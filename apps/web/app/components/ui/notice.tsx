import type { ReactNode } from 'react';

/** A message block. `role` is explicit: errors after an action are alerts, the rest is read in order. */
export function Notice({
  tone,
  title,
  children,
  role,
}: {
  tone: 'info' | 'success' | 'warning' | 'danger';
  title?: string;
  children?: ReactNode;
  role?: 'alert' | 'status';
}) {
  return (
    <div className={`notice notice-${tone}`} role={role}>
      {title ? <p className="notice-title">{title}</p> : null}
      {children ? <div className="notice-body">{children}</div> : null}
    </div>
  );
}
