// Loaded in <head> of widget.html, before encart.js (a classic, synchronous script: it has run
// before the parser even reaches the async encart.js tag). From navigation until the widget shows
// its first list items, it records:
//   - every main-thread long task (PerformanceObserver 'longtask', buffered) and, where Chromium
//     has it, every long animation frame with the scripts that ran in it (attribution);
//   - a simulated reader: a callback scheduled every 16 ms on the main thread; how late each tick
//     comes is how long a keystroke or a click would have waited;
//   - when `encart-sidebar[data-state="ready"]` has items in its shadow root's "latest" list, and
//     their titles, then the next animation frame (the one that renders them).
// The window measured ends at that frame: the task that lays out and paints the first items counts.
// All times are performance.now(): ms since navigation start (the document's time origin).
// It only observes: nothing here changes what encart does.
'use strict';
(() => {
  const TICK_MS = 16;
  const longTasks = [];
  const longFrames = [];
  const observers = [];
  const observe = (type, sink, map) => {
    if (!(PerformanceObserver.supportedEntryTypes || []).includes(type)) return false;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) sink.push(map(entry));
    });
    observer.observe({ type, buffered: true });
    observers.push({ observer, sink, map });
    return true;
  };
  const supported = {
    longtask: observe('longtask', longTasks, (e) => ({ start: e.startTime, duration: e.duration, name: e.name })),
    loaf: observe('long-animation-frame', longFrames, (e) => ({
      start: e.startTime,
      duration: e.duration,
      blocking: e.blockingDuration,
      // Time spent rendering (rAF callbacks, style, layout, paint) at the end of the frame.
      render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
      styleLayout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
      scripts: (e.scripts || []).map((s) => ({
        invoker: s.invoker,
        invokerType: s.invokerType,
        source: s.sourceURL ? `${s.sourceURL.replace(location.origin, '')}${s.sourceFunctionName ? ` ${s.sourceFunctionName}` : ''}` : '',
        start: s.startTime,
        duration: s.duration,
      })),
    })),
  };

  // The simulated reader: a timer every 16 ms (a 60 Hz frame); each gap above 16 ms is delay.
  const ticks = [];
  let ticking = true;
  const tick = () => {
    ticks.push(performance.now());
    if (ticking) setTimeout(tick, TICK_MS);
  };
  setTimeout(tick, TICK_MS);

  let settle;
  const done = new Promise((resolve) => (settle = resolve));
  const state = { readyMs: null, itemsMs: null, frameMs: null, error: null, titles: [], items: 0 };

  const latestItems = (element) => {
    const root = element.shadowRoot;
    return root ? root.querySelectorAll('[data-list="latest"] [data-part="items"] .item') : [];
  };
  let shadowObserver = null;
  const check = (element) => {
    if (state.itemsMs !== null) return;
    const items = latestItems(element);
    if (!items.length) return;
    state.itemsMs = performance.now();
    state.items = items.length;
    state.titles = [...items].map((li) => (li.querySelector('.title') || li).textContent.trim());
    if (shadowObserver) shadowObserver.disconnect();
    // The next frame: the items are on screen once it has been painted.
    requestAnimationFrame(() => {
      state.frameMs = performance.now();
      ticking = false;
      settle();
    });
  };
  const watch = (element) => {
    if (element.dataset.state === 'error') {
      state.error = 'data-state="error"';
      ticking = false;
      settle();
      return;
    }
    if (element.dataset.state !== 'ready' || state.readyMs !== null) return;
    state.readyMs = performance.now();
    check(element); // the items come with the widget's first render, usually a little later
    if (state.itemsMs === null) {
      shadowObserver = new MutationObserver(() => check(element));
      shadowObserver.observe(element.shadowRoot, { childList: true, subtree: true });
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.target.localName === 'encart-sidebar') watch(record.target);
    }
  }).observe(document, { attributes: true, attributeFilter: ['data-state'], subtree: true });

  // What the driver reads once the items show (or the widget fails): long tasks and ticks up to the
  // frame that renders the first items (counted: a task that started before it).
  async function result() {
    await done;
    await new Promise((r) => setTimeout(r, 200)); // entries of the last tasks are queued after them
    for (const { observer, sink, map } of observers) {
      for (const entry of observer.takeRecords()) sink.push(map(entry));
    }
    const end = state.frameMs ?? state.itemsMs ?? performance.now();
    const gaps = [];
    let maxGapAt = null; // when the most delayed tick finally ran
    // Ticks due inside the window (the tick before + 16 ms, at or before its end), however late they ran.
    for (let i = 1; i < ticks.length && ticks[i - 1] + TICK_MS <= end; i++) {
      gaps.push(ticks[i] - ticks[i - 1]);
      if (maxGapAt === null || gaps[i - 1] > gaps[maxGapAt]) maxGapAt = i - 1;
    }
    const before = (e) => e.start < end;
    return {
      ...state,
      supported,
      crossOriginIsolated: self.crossOriginIsolated,
      navigation: (() => {
        const nav = performance.getEntriesByType('navigation')[0];
        return nav ? { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd } : null;
      })(),
      longTasks: longTasks.filter(before),
      longTasksAfter: longTasks.filter((e) => !before(e)).length,
      longFrames: longFrames.filter(before),
      ticks: {
        intervalMs: TICK_MS, count: gaps.length + 1, first: ticks[0] ?? null, last: ticks.at(-1) ?? null,
        maxGap: maxGapAt === null ? null : gaps[maxGapAt], maxGapEnd: maxGapAt === null ? null : ticks[maxGapAt + 1], gaps,
      },
      wasmOnMainThread: self.wasmProbe ? self.wasmProbe.memories.length : null,
      wasmBytes: self.wasmProbe ? self.wasmProbe.bytes() : null,
    };
  }
  self.widgetProbe = { result };
})();
