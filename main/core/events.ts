import type { AppEvent } from '../../preload/contract/channels';

/** Events from the core to whoever shows them (the Electron window, the browser host's streams). */
export class EventHub {
  private readonly listeners = new Set<(e: AppEvent) => void>();

  on(listener: (e: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // a broken listener (closed window) must not stop the others
      }
    }
  }
}
