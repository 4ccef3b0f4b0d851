// Allegiance network view: vis-network inside a Streamlit components-v2 element.
//
// Python passes JSON in `data`: {nodes, edges, options, legend, height, signature, selected}.
// Every user string reaches the page through vis-network (which draws labels on a canvas and
// shows string titles as text) or through `textContent`; nothing is ever set as HTML.
// Clicks go back to Python with setTriggerValue("clicked", {kind, id}).
//
// The line below is replaced by the Python wrapper with the vis-network source as a JSON string.
const VIS_SOURCE = "__VIS_SOURCE__";

function ensureVis() {
  if (globalThis.vis && globalThis.vis.Network) return globalThis.vis;
  // An inline classic script runs synchronously when appended, so `vis` exists right after.
  const script = document.createElement("script");
  script.textContent = VIS_SOURCE;
  script.dataset.allegiance = "vis-network";
  document.head.appendChild(script);
  return globalThis.vis;
}

function makeEl(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function legendSwatch(entry) {
  const swatch = makeEl("span", "swatch");
  if (entry.group === "edge") {
    swatch.classList.add("edge");
    swatch.style.borderTopColor = entry.color;
    swatch.style.borderTopStyle = entry.dashes ? "dashed" : "solid";
    swatch.style.opacity = String(entry.opacity ?? 1);
  } else {
    swatch.classList.add("shape-" + entry.shape);
    swatch.style.setProperty("--swatch", entry.color);
  }
  return swatch;
}

function drawLegend(box, entries) {
  box.replaceChildren();
  for (const entry of entries || []) {
    const row = makeEl("div", "legend-row");
    row.append(legendSwatch(entry), makeEl("span", "legend-label", entry.label));
    box.append(row);
  }
}

// Page-level hook read by browser tests and bench/render.py.
function publishHook(state) {
  const { network, canvasBox } = state;
  globalThis.__allegiance_network = {
    signature: state.signature,
    nodeCount: state.nodeCount,
    edgeCount: state.edgeCount,
    drawn: state.drawn,
    stable: state.stable,
    drawnAt: state.drawnAt,
    positions: () => network.getPositions(),
    // Page coordinates of a node's centre, for real mouse clicks in tests.
    pagePosition: (id) => {
      const p = network.getPositions([id])[id];
      if (!p) return null;
      const dom = network.canvasToDOM(p);
      const rect = canvasBox.getBoundingClientRect();
      return { x: rect.left + dom.x, y: rect.top + dom.y };
    },
    edgeMidpoint: (id) => {
      const edge = network.body.edges[id];
      if (!edge) return null;
      const a = network.getPositions([edge.fromId])[edge.fromId];
      const b = network.getPositions([edge.toId])[edge.toId];
      const dom = network.canvasToDOM({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
      const rect = canvasBox.getBoundingClientRect();
      return { x: rect.left + dom.x, y: rect.top + dom.y };
    },
  };
}

function build(component, state) {
  const { data, parentElement, setTriggerValue } = component;
  const vis = ensureVis();
  const root = parentElement.querySelector(".allegiance-root");
  const canvasBox = root.querySelector(".canvas");
  const legendBox = root.querySelector(".legend");
  canvasBox.style.height = (data.height || 640) + "px";
  drawLegend(legendBox, data.legend);

  if (state.network) state.network.destroy();
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const network = new vis.Network(canvasBox, { nodes, edges }, data.options);
  Object.assign(state, {
    network, canvasBox, signature: data.signature, nodeCount: data.nodes.length,
    edgeCount: data.edges.length, drawn: false, stable: !data.options.physics?.enabled,
    drawnAt: null,
  });
  state.setTriggerValue = setTriggerValue;

  network.on("stabilized", () => { state.stable = true; publishHook(state); });
  network.on("afterDrawing", () => {
    if (!state.drawn) { state.drawn = true; state.drawnAt = performance.now(); }
    publishHook(state);
  });
  network.on("click", (params) => {
    // Read through state so a rerun's fresh setTriggerValue is used.
    if (params.nodes.length) {
      state.setTriggerValue("clicked", { kind: "node", id: String(params.nodes[0]) });
    } else if (params.edges.length) {
      state.setTriggerValue("clicked", { kind: "edge", id: String(params.edges[0]) });
    }
  });
  // Positions come from the server and physics is off: fit the drawing into view once.
  if (!data.options.physics?.enabled) {
    network.fit({ animation: false });
    // A little margin so labels at the edges are not cut off.
    network.moveTo({ scale: network.getScale() * 0.9, animation: false });
  }
  if (data.selected) {
    try { network.selectNodes([data.selected]); } catch (e) { /* not on screen */ }
  }
  publishHook(state);
}

export default function (component) {
  const { data, parentElement } = component;
  let root = parentElement.querySelector(".allegiance-root");
  if (!root) {
    root = makeEl("div", "allegiance-root");
    root.append(makeEl("div", "canvas"), makeEl("div", "legend"));
    parentElement.append(root);
  }
  // State lives on the root element so reruns with unchanged data keep the drawn network.
  const state = root.__allegiance || (root.__allegiance = {});
  if (state.network && state.signature === data.signature) {
    state.setTriggerValue = component.setTriggerValue;
    return;
  }
  build(component, state);
}
