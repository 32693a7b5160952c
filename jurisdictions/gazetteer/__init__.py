"""The gazetteer: every US state, county and place, built from public datasets shipped in PyPI packages.

``build_gazetteer()`` turns the packages' data into plain records (no database); ``load_gazetteer()``
(in ``jurisdictions.gazetteer.load``) writes them; ``provenance()`` says where each part came from, for
the about page. Nothing here touches the network.
"""
from jurisdictions.gazetteer.provenance import provenance

__all__ = ["provenance"]
