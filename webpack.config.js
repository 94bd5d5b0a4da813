/**
 * Builds the task pane into dist-addin/.
 *
 *   webpack --mode production            production build (content hashes, split chunks)
 *   webpack --mode development           development build
 *   webpack serve --mode development     https://localhost:3000 with office-addin-dev-certs
 *
 * ADDIN_PUBLIC_URL (https, e.g. https://addin.example.vn/chamdiem/) replaces the
 * dev URL https://localhost:3000/ in the copied manifest.xml.
 *
 * --env e2e also builds test/e2e/fake-office.ts into fake-office.js: the
 * stand-in the end-to-end test serves in place of Microsoft's office.js.
 * --env outDir=DIR writes somewhere other than dist-addin/.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';

function publicUrl() {
  const raw = process.env.ADDIN_PUBLIC_URL;
  if (!raw) return DEV_URL;
  const url = new URL(raw);
  if (url.protocol !== 'https:') throw new Error(`ADDIN_PUBLIC_URL must be https (Office requires it): ${raw}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The manifest's dev URLs pointed at where the add-in is hosted; the bare origin is the AppDomain. */
function manifestFor(url) {
  const devOrigin = DEV_URL.slice(0, -1);
  return (content) => content.toString('utf8').split(DEV_URL).join(url).split(devOrigin).join(new URL(url).origin);
}

function typescriptRule(compilerOptions = {}) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'ts-loader',
      // Types are checked by tsc (npm run typecheck, tsconfig.test.json); the bundle only needs JavaScript.
      options: { configFile: path.resolve(__dirname, 'tsconfig.addin.json'), transpileOnly: true, compilerOptions },
    },
  };
}

const resolve = { extensions: ['.tsx', '.ts', '.js'] };

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const outDir = path.resolve(__dirname, env.outDir || 'dist-addin');
  const url = serving ? DEV_URL : publicUrl();
  if (production && url === DEV_URL) {
    console.warn(`ADDIN_PUBLIC_URL is not set: dist-addin/manifest.xml keeps the dev URL ${DEV_URL}`);
  }

  const taskpane = {
    name: 'taskpane',
    mode: production ? 'production' : 'development',
    target: 'web',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: outDir,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve,
    module: { rules: [typescriptRule()] },
    optimization: {
      splitChunks: { chunks: 'all' },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/support.html', to: 'support.html' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: manifestFor(url) },
        ],
      }),
    ],
    performance: { hints: false },
  };

  if (serving) {
    const devCerts = require('office-addin-dev-certs');
    taskpane.devServer = {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await devCerts.getHttpsServerOptions() },
    };
  }

  if (!env.e2e) return taskpane;

  const fakeOffice = {
    name: 'fake-office',
    // Runs after the task pane build, whose output.clean would otherwise remove this file.
    dependencies: ['taskpane'],
    mode: taskpane.mode,
    target: 'web',
    devtool: false,
    entry: { 'fake-office': './test/e2e/fake-office.ts' },
    output: { path: outDir, filename: '[name].js', uniqueName: 'chamdiemFakeOffice' },
    resolve,
    module: { rules: [typescriptRule({ rootDir: '.' })] },
    optimization: { splitChunks: false },
    performance: { hints: false },
  };
  return [taskpane, fakeOffice];
};
