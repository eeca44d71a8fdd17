// The reports' style sheet: readable type, light and dark colours (prefers-color-scheme), print.
// Colours keep a 4.5:1 contrast with their background in both schemes (checked with axe-core in the browser).

export const BASE_CSS = `
:root{--bg:#fff;--fg:#1b1b1f;--muted:#555a63;--line:#d4d7dd;--card:#f7f8fa;--link:#0b57c2;
--ins-bg:#d4f5dd;--ins-fg:#0d4a1f;--del-bg:#fbdada;--del-fg:#7d1414;
--added:#0d4a1f;--added-bg:#d4f5dd;--dropped:#7d1414;--dropped-bg:#fbdada;--edited:#6a4700;--edited-bg:#fcefc7;
--moved:#2a3f86;--moved-bg:#dfe6fb;--out:#45484f;--out-bg:#e6e7ea;--into:#0b5463;--into-bg:#d3f0f5;--unchanged:#45484f;--unchanged-bg:#f0f1f3;
--live:#1f7a3a;--reinserted:#7a3fb0;--gone:#c0392b;--away:#7b8089;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#15171b;--fg:#e8e9ec;--muted:#a9adb6;--line:#3a3e46;--card:#1e2127;--link:#8ab4ff;
--ins-bg:#173d24;--ins-fg:#b5f0c6;--del-bg:#4a1c1c;--del-fg:#ffc4c4;
--added:#b5f0c6;--added-bg:#173d24;--dropped:#ffc4c4;--dropped-bg:#4a1c1c;--edited:#ffe199;--edited-bg:#3f3313;
--moved:#c9d5ff;--moved-bg:#27305a;--out:#d3d5da;--out-bg:#34373e;--into:#b3ecf5;--into-bg:#163c44;--unchanged:#c9ccd2;--unchanged-bg:#272a30;
--live:#5fd27f;--reinserted:#c69cf0;--gone:#ff8a7a;--away:#9aa0aa}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1.25rem;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
h1{font-size:1.5rem;line-height:1.25;margin:.2rem 0 .6rem}
h2{font-size:1.2rem;margin:1.6rem 0 .6rem}
h3{font-size:1.05rem;margin:0}
a{color:var(--link)}
.muted,time{color:var(--muted)}
.kicker{font-size:.8rem;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);margin:0}
.summary{font-size:1.1rem;font-weight:600;margin:.8rem 0}
.captures{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:.75rem;margin:0}
.captures>div{border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;background:var(--card)}
.captures dt{font-weight:700}.captures dd{margin:0;overflow-wrap:anywhere}
.box{border:1px solid var(--line);border-left:4px solid var(--edited);border-radius:8px;padding:.4rem 1rem .8rem;background:var(--card)}
.box h2{margin-top:.4rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:start;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
th{overflow-wrap:normal}td.n{white-space:nowrap}
.post p,.post h3,.post h4,.post h5,.post h6{overflow-wrap:anywhere}
.badge{display:inline-block;font-size:.78rem;font-weight:700;padding:.05rem .45rem;border-radius:4px;margin-right:.35rem;white-space:nowrap;border:1px solid currentColor}
.b-added{color:var(--added);background:var(--added-bg)}.b-dropped{color:var(--dropped);background:var(--dropped-bg)}
.b-edited{color:var(--edited);background:var(--edited-bg)}.b-moved{color:var(--moved);background:var(--moved-bg)}
.b-out-of-view{color:var(--out);background:var(--out-bg)}.b-into-view{color:var(--into);background:var(--into-bg)}
.b-merged{color:var(--moved);background:var(--moved-bg)}
.b-unchanged{color:var(--unchanged);background:var(--unchanged-bg)}
.b-live{color:var(--added);background:var(--added-bg)}.b-reinserted{color:var(--moved);background:var(--moved-bg)}
ins{background:var(--ins-bg);color:var(--ins-fg);text-decoration:underline;text-decoration-thickness:1px}
del{background:var(--del-bg);color:var(--del-fg);text-decoration:line-through}
ins,del{border-radius:2px;padding:0 1px}
.text p{margin:.35rem 0}
.byline{font-style:italic;color:var(--muted)}
.caption{border-left:3px solid var(--line);padding-left:.6rem;color:var(--muted)}
.field{margin:.6rem 0 0}.field>h4,.field>h5{margin:0;font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.kept{color:var(--muted)}details.kept>summary{font-size:.85rem;margin:.3rem 0}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:.6rem;margin:.35rem 0}
.pair>div{border:1px solid var(--line);border-radius:6px;padding:.2rem .6rem}
.pair .lbl{display:block;font-size:.75rem;font-weight:700;color:var(--muted)}
.sbs{display:none}
summary{cursor:pointer}
:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:40rem){.pair{grid-template-columns:1fr}}
@media print{body{max-width:none;padding:0;font-size:11pt}.noprint,.filters{display:none!important}
.card,.post{break-inside:avoid}a{color:inherit;text-decoration:none}}
`;
