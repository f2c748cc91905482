"""The investigation around the CCTV: canvass list and collection deadlines, the case map,
search and canvass tasks, evidence-request letters and the merged timeline."""
