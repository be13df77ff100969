#!/usr/bin/perl
# Writes a small GeoLite2-style country database for the analytics tests, with MaxMind's own writer
# (Debian: libmaxmind-db-writer-perl). Usage: make-country-mmdb.pl OUT.mmdb NETWORK=ISO [NETWORK=ISO ...]
# e.g. 127.0.0.1/32=DE 2001:db8::/32=FR
use strict;
use warnings;
use MaxMind::DB::Writer::Tree;

my ($out, @networks) = @ARGV;
my $tree = MaxMind::DB::Writer::Tree->new(
    ip_version            => 6,
    record_size           => 24,
    database_type         => 'GeoLite2-Country',
    languages             => ['en'],
    description           => { en => 'Castkeeper test countries' },
    map_key_type_callback => sub { { country => 'map', iso_code => 'utf8_string' }->{ $_[0] } },
    alias_ipv6_to_ipv4    => 1,
    remove_reserved_networks => 0,
);
for my $pair (@networks) {
    my ($network, $iso) = split /=/, $pair;
    $tree->insert_network($network, { country => { iso_code => $iso } });
}
open my $fh, '>:raw', $out or die "cannot write $out: $!";
$tree->write_tree($fh);
close $fh;
