// The SIG playground: GraphiQL served by the gateway itself (no CDN), with a persona picker that
// puts a demo token in the Authorization header, and the example operations as tabs.
(async function main() {
  const [personas, examples] = await Promise.all([
    fetch('/playground/personas.json').then((r) => r.json()),
    fetch('/playground/examples.json').then((r) => r.json()),
  ]);
  const names = Object.keys(personas);
  let current = localStorage.getItem('sig-persona');
  if (!names.includes(current)) current = names[0];

  const picker = document.getElementById('persona');
  for (const name of names) {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = `${name}: ${personas[name].name}, ${personas[name].unit}`;
    picker.appendChild(option);
  }
  picker.value = current;

  const headersFor = (name) => JSON.stringify({ Authorization: `Bearer ${personas[name].token}` }, null, 2);
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  const render = () =>
    root.render(
      React.createElement(GraphiQL, {
        key: current,
        fetcher,
        defaultHeaders: headersFor(current),
        headers: headersFor(current),
        defaultTabs: examples.map((e) => ({ query: e.query, variables: e.variables })),
        shouldPersistHeaders: false,
        storage: { getItem: () => null, setItem: () => {}, removeItem: () => {}, clear: () => {}, length: 0 },
      }),
    );
  picker.addEventListener('change', () => {
    current = picker.value;
    localStorage.setItem('sig-persona', current);
    render();
  });
  render();
})();
