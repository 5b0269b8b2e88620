#!/bin/sh
# lock down outbound traffic
iptables -A OUTPUT -d 168.63.129.16 -j DROP
