/**
 * Installs `Office` and `Excel` globals backed by a fake host: a stand-in for
 * office.js in a browser page or a jsdom test. Office.onReady resolves at
 * once; Excel.run works with a batch alone or with (context | options, batch).
 */
import { FakeExcelHost } from './host';
import { FakeRequestContext } from './objects';

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface FakeOfficeGlobals {
  Office: {
    HostType: { Excel: 'Excel' };
    PlatformType: { PC: 'PC'; OfficeOnline: 'OfficeOnline'; Mac: 'Mac' };
    onReady(callback?: (info: { host: 'Excel'; platform: 'PC' }) => unknown): Promise<{ host: 'Excel'; platform: 'PC' }>;
    context: { requirements: { isSetSupported(name: string, minVersion?: string): boolean } };
  };
  Excel: {
    run<T>(first: Batch<T> | object, second?: Batch<T>): Promise<T>;
  };
}

export function installFakeOffice(target: object, host: FakeExcelHost = new FakeExcelHost()): FakeExcelHost {
  const info = { host: 'Excel', platform: 'PC' } as const;
  const globals: FakeOfficeGlobals = {
    Office: {
      HostType: { Excel: 'Excel' },
      PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
      onReady: async (callback) => {
        callback?.(info);
        return info;
      },
      context: { requirements: { isSetSupported: (name, minVersion) => host.supports(name, minVersion) } },
    },
    Excel: {
      run<T>(first: Batch<T> | object, second?: Batch<T>): Promise<T> {
        if (typeof first === 'function') return host.run(first as Batch<T>);
        if (!second) throw new Error('fake Excel: Excel.run needs a batch function');
        // Excel.run(context, batch) continues an earlier context; options are accepted and ignored.
        if (first instanceof FakeRequestContext) return host.runIn(first, second);
        return host.run(second);
      },
    },
  };
  Object.assign(target, globals);
  return host;
}
