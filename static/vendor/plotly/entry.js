// Sanctuary Tracker's Plotly: the core and only the trace types the site draws (bar for timelines and the
// policy chart, scatter for its markers, scattergeo and choropleth for the map).
var Plotly = require('plotly.js/lib/core');
Plotly.register([
  require('plotly.js/lib/bar'),
  require('plotly.js/lib/scatter'),
  require('plotly.js/lib/scattergeo'),
  require('plotly.js/lib/choropleth')
]);
module.exports = Plotly;
