-- wrk script for scripts/bench-feed publish: each poll carries the ETag of the newest feed its thread has
-- received, as a podcatcher sends the ETag of the copy it holds. After a change every thread fetches the new
-- feed once (a 200), then goes back to 304s.
local etag = nil

request = function()
  local headers = { ["Accept-Encoding"] = "gzip" }
  if etag then
    headers["If-None-Match"] = etag
  end
  return wrk.format("GET", "/feed.xml", headers)
end

response = function(status, headers, body)
  local e = headers["ETag"] or headers["Etag"] or headers["etag"]
  if e then
    etag = e
  end
end
