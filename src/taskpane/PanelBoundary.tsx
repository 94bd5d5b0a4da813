import { Component, type ReactNode } from 'react';
import { ErrorBar } from './ErrorBar';

/**
 * Keeps a failing tab (its code did not load, or it threw while rendering)
 * from blanking the whole task pane. React offers error boundaries only as
 * class components.
 */
export class PanelBoundary extends Component<{ title: string; children: ReactNode }, { error: unknown }> {
  state = { error: undefined as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  render() {
    const { error } = this.state;
    return error === undefined ? this.props.children : <ErrorBar shown={{ title: this.props.title, error }} />;
  }
}
