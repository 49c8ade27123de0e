import type { ReactNode } from 'react';

/** One tool of the order detail panel (close, signatures, add-ons, traffic, tag, cycle): a titled section. */
export function OrderTool({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <section className="order-tool" aria-label={title}>
      <h3 className="order-tool-title">{title}</h3>
      {intro ? <p className="muted small">{intro}</p> : null}
      {children}
    </section>
  );
}

/** The "Show …" button of a tool that reads the vendor only when asked; hidden once it has read. */
export function OrderToolLoad(props: {
  loaded: boolean;
  busy: boolean;
  disabled: boolean;
  onLoad: () => void;
  label: string;
  busyLabel: string;
}) {
  if (props.loaded) return null;
  return (
    <button type="button" className="btn btn-small" disabled={props.disabled} onClick={props.onLoad}>
      {props.busy ? props.busyLabel : props.label}
    </button>
  );
}
