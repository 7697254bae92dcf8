# standalone
# no framework header at all
person ahill "Amy Hill"
