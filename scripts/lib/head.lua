-- wrk: send HEAD instead of GET (what directories send to check an enclosure's size and type).
wrk.method = "HEAD"
