// Evaluation set for ask(): real questions from public issue threads, each rewritten in our own
// words, with a rubric taken from the official documentation: patterns a right answer must contain
// (all of them) and claims it must not make. The source link of every case is the thread the
// question came from; the rubric cites no thread text.
export interface EvalCase {
  readonly id: string;
  readonly source: string;
  readonly question: string;
  /** Facts a right answer states (regular expressions over the answer text and its steps). */
  readonly must: readonly RegExp[];
  /** Claims a right answer does not make. */
  readonly mustNot?: readonly RegExp[];
}

const FIRST_CASES: readonly EvalCase[] = [
  // EXTERNAL-IP pending (create-external-load-balancer, Service type LoadBalancer, MetalLB, kind, minikube)
  { id: "lb-pending-quota", source: "https://github.com/kubernetes/kubernetes/issues/23562", question: "My LoadBalancer Service on Google Cloud never gets an external IP. Could running out of static address quota cause that, and where would I see it?", must: [/quota/i, /kubectl describe service|events/i] },
  { id: "lb-pending-minikube", source: "https://github.com/kubernetes/minikube/issues/17745", question: "On minikube the EXTERNAL-IP of my LoadBalancer service has said pending for a long time. What is the reason and how do I fix it?", must: [/minikube tunnel/i] },
  { id: "lb-pending-local-mac", source: "https://github.com/TheNewNormal/kube-solo-osx/issues/128", question: "Running a single-node cluster on my laptop, the wordpress LoadBalancer stays pending forever although node-ip:nodeport works. Is something missing?", must: [/implement|no load.?balancer/i, /NodePort|node port/i] },
  { id: "lb-pending-azure-vms", source: "https://github.com/kubernetes/kubernetes/issues/81717", question: "I built my own cluster on Azure virtual machines instead of AKS and the LoadBalancer external IP is pending. Will Azure hand out an IP in this setup?", must: [/cloud.?controller/i] },
  { id: "lb-pending-metallb-installed", source: "https://github.com/canonical/microk8s/issues/3106", question: "I enabled MetalLB but my LoadBalancer service still shows a pending external IP. What could be wrong?", must: [/IPAddressPool/, /L2Advertisement|BGPAdvertisement/] },
  { id: "lb-pending-tutorial", source: "https://github.com/kubernetes/website/issues/2381", question: "I followed the tutorial that exposes an external IP and after half an hour my-service still shows pending. What now?", must: [/bare metal|kind|minikube/i, /MetalLB|cloud.provider.kind|minikube tunnel/i] },
  { id: "lb-pending-diagnose", source: "https://github.com/kubernetes/website/issues/28602", question: "The docs say wait a minute if EXTERNAL-IP is pending, but it has been pending for 19 hours. How can I diagnose it?", must: [/kubectl describe service|events/i, /minikube tunnel|MetalLB|cloud.provider.kind/i] },
  { id: "lb-pending-kubeadm-local", source: "https://github.com/hyfen-eu/PIVT/issues/63", question: "On a kubeadm cluster on my own machines every LoadBalancer Service shows EXTERNAL-IP pending. What should I change for a local setup?", must: [/MetalLB/] },
  { id: "lb-pending-what-to-do", source: "https://github.com/kubernetes/website/issues/24411", question: "What should I do when the external IP address of a LoadBalancer service remains pending?", must: [/MetalLB|minikube tunnel|cloud.provider.kind/i] },
  { id: "lb-pending-kind-ingress", source: "https://github.com/kubernetes-sigs/kind/issues/758", question: "The ingress controller chart creates a LoadBalancer service that stays pending on kind. How do I get it an address?", must: [/cloud.provider.kind/i] },

  // Ingress 503 / 404 / 502
  { id: "ing-503-no-active-endpoints", source: "https://github.com/kubernetes/ingress-nginx/issues/250", question: "Every request through my ingress returns 503 and the controller logs say the service does not have any active endpoints. Why?", must: [/endpoint/i, /selector|Ready/i] },
  { id: "ing-503-has-endpoints", source: "https://github.com/kubernetes/ingress-nginx/issues/4652", question: "My ingress answers 503 even though the backend service has endpoints. What else can cause it?", must: [/port/i] },
  { id: "ing-scaled-to-zero", source: "https://github.com/kubernetes/ingress-nginx/issues/1551", question: "After scaling my deployment to zero replicas the ingress returns an error page. Which error should I expect and why?", must: [/endpoint|Ready/i] },
  { id: "ing-503-new-app", source: "https://github.com/vmware-archive/kube-prod-runtime/issues/733", question: "I deployed a new app and the ingress has returned 503 Service Temporarily Unavailable for thirty minutes. How do I find out why?", must: [/endpoint|Ready/i] },
  { id: "ing-backend-not-found", source: "https://github.com/kubernetes/ingress-nginx/issues/9679", question: "kubectl describe ingress shows the backend service with an error that its endpoints are not found. What does that mean?", must: [/Service/, /name|port|selector/i] },
  { id: "ing-404-path", source: "https://github.com/kubernetes/ingress-nginx/issues/5765", question: "My ingress path /abc1 gives 404 from the backend because the app only serves /health/live and /execute. How do I map the paths?", must: [/rewrite/i] },

  // IngressClass
  { id: "ingclass-custom-class", source: "https://github.com/kubernetes/ingress-nginx/issues/301", question: "I started the ingress controller with its own ingress class but ingresses meant for another controller are still picked up. How are ingresses matched to controllers?", must: [/IngressClass|ingressClassName/] },
  { id: "ingclass-annotation-no-address", source: "https://github.com/kubernetes/ingress-nginx/issues/1125", question: "With the kubernetes.io/ingress.class annotation set my ingress gets no address, without it it does. Why?", must: [/ingressClassName|IngressClass/] },
  { id: "ingclass-annotation-not-working", source: "https://github.com/kubernetes/ingress-nginx/issues/2349", question: "My ingress stops working as soon as I add the kubernetes.io/ingress.class annotation. What is the right way to pick the controller?", must: [/ingressClassName/] },
  { id: "ingclass-default", source: "https://github.com/haproxytech/kubernetes-ingress/issues/294", question: "Ingresses without a class are ignored by my controller. How do I make one ingress class the default?", must: [/is-default-class/] },
  { id: "ingclass-no-ip", source: "https://github.com/nginxinc/nginx-ingress-operator/issues/81", question: "The ingress controller runs but no IP address is ever written to my Ingress objects. What should I check?", must: [/controller/i, /IngressClass|ingressClassName/] },

  // Cluster DNS
  { id: "dns-other-namespace", source: "https://github.com/kubernetes/kubernetes/issues/14533", question: "Looking up a service works from the default namespace but fails from my development namespace. How should pods in other namespaces address it?", must: [/<svc>\.<ns>|svc\.cluster\.local|\.<namespace>/i] },
  { id: "dns-namespace-docs", source: "https://github.com/kubernetes/website/issues/26403", question: "A pod in namespace test needs the service data in namespace prod. Which DNS name does it use?", must: [/<svc>\.<ns>|svc\.cluster\.local|\.<namespace>/i] },
  { id: "dns-kafka-other-namespace", source: "https://github.com/Altinity/clickhouse-operator/issues/966", question: "My database pod cannot resolve the kafka service that lives in a different namespace: name or service not known. How do I reach it?", must: [/<svc>\.<ns>|svc\.cluster\.local|\.<namespace>/i] },
  { id: "dns-selector-other-namespace", source: "https://github.com/rancher/rancher/issues/11986", question: "I created a service in the default namespace that should select workloads in another namespace, and its name resolves to nothing. Why?", must: [/namespace/i, /selector|own namespace/i] },
  { id: "dns-loop-systemd", source: "https://github.com/coredns/coredns/issues/2087", question: "CoreDNS exits with a loop detected error on Ubuntu where systemd-resolved runs. How do I fix it?", must: [/resolv-conf|\/run\/systemd\/resolve\/resolv\.conf/] },
  { id: "dns-loop-kind", source: "https://github.com/kubernetes-sigs/kind/issues/1975", question: "coredns is in CrashLoopBackOff on Ubuntu 20.04 and its log reports a DNS forwarding loop. What is going on?", must: [/loop/i, /resolv/i] },
  { id: "dns-crashloop-kubeadm", source: "https://github.com/kubernetes/kubeadm/issues/1162", question: "On a fresh kubeadm cluster the CoreDNS pods keep crashing. How do I troubleshoot it?", must: [/logs/i, /resolv|loop/i] },
  { id: "dns-crashloop-weave", source: "https://github.com/kubernetes/dns/issues/288", question: "coredns stays in CrashLoopBackOff on Ubuntu 16.04 while every other system pod is running. What should I look at?", must: [/logs|loop|resolv/i] },
  { id: "dns-kube-system", source: "https://github.com/kubernetes/kubernetes/issues/13434", question: "Service names do not resolve for pods in the kube-system namespace. How do I debug cluster DNS?", must: [/nslookup|resolv\.conf|kube-dns/i] },

  // ping to a cluster IP
  { id: "ping-minikube", source: "https://github.com/kubernetes/minikube/issues/5644", question: "From the minikube node I cannot ping the ClusterIP of my nginx service, but curl to it works. Is something broken?", must: [/virtual/i, /port|curl|wget|nc/i], mustNot: [/^Yes/] },
  { id: "ping-kubernetes-svc", source: "https://github.com/kubernetes/kubernetes/issues/62986", question: "Why can I ping the kubernetes service IP but not the IP of my own service?", must: [/ping/i, /port|curl|wget|nc/i] },
  { id: "ping-supported", source: "https://github.com/kubernetes/kubernetes/issues/47156", question: "Does a cluster IP answer ping?", must: [/virtual|ICMP|ping/i, /port/i], mustNot: [/^Yes/] },
  { id: "ping-same-namespace", source: "https://github.com/kubernetes/kubernetes/issues/57556", question: "Ping to a service in the same namespace fails while HTTP to it works fine. Should ping answer?", must: [/port|curl|wget|nc/i], mustNot: [/^Yes/] },
  { id: "ping-docker-desktop", source: "https://github.com/denverdino/k8s-for-docker-desktop/issues/232", question: "Inside a pod I cannot ping the cluster IP or name of a service in the same namespace. Why not?", must: [/virtual|ICMP|port/i] },
  { id: "ping-port-unreachable", source: "https://github.com/kubernetes/kubernetes/issues/119613", question: "My nodes can ping pod IPs but get Destination Port Unreachable when pinging a service address; the service itself works. What is the reason?", must: [/virtual|port/i] },
  { id: "ping-no-route", source: "https://github.com/projectcalico/calico/issues/2921", question: "With Calico I cannot reach services: pinging the service IP says no route. How should I test a service?", must: [/port|curl|wget|nc|telnet/i] },

  // client source IP
  { id: "srcip-nodeport-local", source: "https://github.com/kubernetes/kubernetes/issues/91374", question: "The source IP is not kept by my NodePort service even with externalTrafficPolicy Local. What must be true for it to work?", must: [/externalTrafficPolicy|Local/] },
  { id: "srcip-tutorial", source: "https://github.com/kubernetes/kubernetes/issues/94563", question: "Following the source IP tutorial, the echo server still reports a node address as client_address after I set the policy to Local. What else can hide the client IP?", must: [/proxy|X-Forwarded-For|PROXY protocol/i] },
  { id: "srcip-externalips", source: "https://github.com/projectcalico/calico/issues/3585", question: "Traffic to my service's external IP reaches the pod with the node's IP instead of the client's, even with externalTrafficPolicy Local. Why?", must: [/externalTrafficPolicy|source.?NAT|SNAT/i] },
  { id: "srcip-k3s-two-nodes", source: "https://github.com/k3s-io/klipper-lb/issues/20", question: "With externalTrafficPolicy Local the client IP is preserved only when I hit the node that runs the pod. Is that expected?", must: [/(no|without).{0,30}(local|ready).{0,20}(Pod|endpoint)|only.{0,40}(local|same node)/i] },
  { id: "srcip-logs", source: "https://github.com/dod-ccpo/atat/pull/1335", question: "How do I get the real client IP into my application logs behind a LoadBalancer service?", must: [/externalTrafficPolicy/, /Local/] },
  { id: "srcip-ingress-nginx-local", source: "https://github.com/Azure/Mission-Critical-Online/pull/309", question: "Should I set externalTrafficPolicy Local on the ingress controller's LoadBalancer service, and what is the trade-off?", must: [/client (source )?IP/i, /drop|uneven|imbalanc|skew/i] },
  { id: "srcip-what-local-does", source: "https://github.com/sleighzy/k3s-traefik-v2-kubernetes-crd/pull/12", question: "What changes when I set externalTrafficPolicy to Local instead of Cluster?", must: [/client.{0,20}IP|source IP/i, /node/i] },

  // node-port range and low ports
  { id: "nodeport-range-change", source: "https://github.com/kubernetes/kubernetes/issues/11690", question: "Creating a service with nodePort 2181 fails because the port is not in the valid range. How do I change the node port range?", must: [/--service-node-port-range/, /kube-apiserver|API server/i] },
  { id: "nodeport-5678", source: "https://github.com/siderolabs/talos/issues/8513", question: "How can I allow nodePort 5678? Applying my service says the value is outside the valid range.", must: [/30000-32767/, /service-node-port-range/] },
  { id: "nodeport-minikube-range", source: "https://github.com/kubernetes/minikube/issues/1006", question: "A NodePort on 3000 is rejected on minikube even though I passed an apiserver option for a wider range. Which setting controls the range?", must: [/service-node-port-range/] },
  { id: "nodeport-change-after-install", source: "https://github.com/easzlab/kubeasz/issues/1004", question: "My cluster is installed; how do I change the range of ports NodePort services may use afterwards?", must: [/service-node-port-range/] },
  { id: "nodeport-range-79", source: "https://github.com/ReSearchITEng/kubeadm-playbook/issues/85", question: "Is it a good idea to set the node port range to 79-32767 so the ingress controller can use ports 80 and 443?", must: [/overlap|conflict|collid|already use/i] },
  { id: "nodeport-35432", source: "https://github.com/CrunchyData/postgres-operator/issues/3752", question: "I exposed my database with nodePort 35432 and nothing was created; the operator log says the port is not in the valid range. What range is allowed?", must: [/30000-32767/] },
  { id: "nodeport-464", source: "https://github.com/freeipa/freeipa-operator/pull/24", question: "A NodePort service with nodePort 464 is rejected as invalid. Can a NodePort use a low port like that?", must: [/30000-32767|node-port range/i], mustNot: [/^Yes\b(?!, partly)/] },

  // port / targetPort
  { id: "port-8081-refused", source: "https://github.com/rhobs/troubleshooting-scenarios/pull/46", question: "nginx listens on 8080 but my Service forwards to 8081, so connections are refused although the Service has endpoints. What is wrong?", must: [/targetPort/] },
  { id: "port-containerport-info", source: "https://github.com/kubernetes/kubernetes/issues/73049", question: "My pod declares containerPort 9999 and the service targetPort is 3000, yet the app works. Does the service use containerPort at all?", must: [/targetPort/], mustNot: [/(must|has to) match (the )?containerPort/i] },
  { id: "port-forward-refused", source: "https://github.com/nigelpoulton/TheK8sBook/issues/47", question: "kubectl port-forward to my service fails with connection refused on 9090, while the pods listen on 8080. What should I change?", must: [/targetPort/] },
  { id: "port-nodeport-refused", source: "https://github.com/TheNewNormal/kube-solo-osx/issues/52", question: "I exposed the hello-node deployment as a NodePort but every connection is refused. What should I check?", must: [/targetPort|port/i] },
  { id: "port-httproute-refused", source: "https://github.com/chr1sd/home-ops/issues/4", question: "Through my HTTPRoute I get upstream connect error, connection refused; the app listens on 8080. What is likely wrong?", must: [/port/i] },

  // Gateway API attachment and ReferenceGrant
  { id: "gw-not-allowed-by-listeners", source: "https://github.com/vdupain/gitops-k8s/issues/53", question: "My HTTPRoute in the podinfo namespace is rejected with NotAllowedByListeners by a Gateway in the gateway namespace. How do I fix it?", must: [/allowedRoutes/, /All|Selector/] },
  { id: "gw-same-namespace-default", source: "https://github.com/volcano-sh/kthena/issues/1132", question: "Should an HTTPRoute from another namespace attach to a Gateway listener that does not set allowedRoutes?", must: [/allowedRoutes/, /(own|same) namespace/i], mustNot: [/^Yes/] },
  { id: "gw-cert-manager-route", source: "https://github.com/cert-manager/website/pull/2193", question: "cert-manager's HTTP-01 challenge HTTPRoute in my app namespace never attaches to the Gateway's HTTP listener. Why?", must: [/allowedRoutes/] },
  { id: "gw-allowed-kinds", source: "https://github.com/nginx/nginx-gateway-fabric/issues/2299", question: "A listener that only allows GRPCRoute still shows an HTTPRoute attached. Which field restricts route kinds on a listener?", must: [/allowedRoutes/, /kind/i] },
  { id: "gw-referencegrant-required", source: "https://github.com/kumahq/kuma/issues/18014", question: "Do I need a ReferenceGrant when my HTTPRoute sends traffic to a Service in another namespace?", must: [/ReferenceGrant/] },
  { id: "gw-route-other-ns-service", source: "https://github.com/nginx/nginx-gateway-fabric/issues/695", question: "How can my route reference services that live in a different namespace?", must: [/ReferenceGrant/] },
  { id: "gw-not-permitted", source: "https://github.com/envoyproxy/gateway/issues/2149", question: "My HTTPRoute status says the backend ref to a service is not permitted by any ReferenceGrant. What does it need?", must: [/ReferenceGrant/, /namespace/i] },
  { id: "gw-grpcroute-grant", source: "https://github.com/nginx/nginx-gateway-fabric/issues/2333", question: "A GRPCRoute that points at a Service in namespace test is refused. Where must the ReferenceGrant live and what does it list?", must: [/ReferenceGrant/, /from|namespace/i] },

  // Ingress NGINX retirement and migration
  { id: "mig-spack", source: "https://github.com/spack/spack-infrastructure/issues/1296", question: "Ingress NGINX maintenance ends in March 2026. How do we migrate our ingresses to Gateway API?", must: [/ingress2gateway/i] },
  { id: "mig-redirects-headers", source: "https://github.com/python-discord/infra/issues/611", question: "We are moving off ingress-nginx to Gateway API; how do redirects, header changes and custom nginx config blocks carry over?", must: [/annotation|RequestRedirect|ingress2gateway/i] },
  { id: "mig-other-controller", source: "https://github.com/camunda/camunda-docs/issues/7911", question: "ingress-nginx is retiring. Should we switch to another ingress controller or to Gateway API?", must: [/Gateway API/, /Ingress controller/i] },
  { id: "mig-prow", source: "https://github.com/metal3-io/project-infra/issues/1152", question: "How do we migrate our CI cluster away from ingress-nginx before it is retired?", must: [/Gateway API/] },
  { id: "mig-annotations-snippets", source: "https://github.com/kiwix/operations/issues/735", question: "Our reverse proxy depends on many ingress-nginx annotations and config snippets, and the project is archived. What is the way forward?", must: [/annotation/i] },
  { id: "mig-steps", source: "https://github.com/ministryofjustice/analytical-platform/issues/9574", question: "What are the steps to migrate from ingress-nginx to gateway-api?", must: [/ingress2gateway|HTTPRoute/i] },
  { id: "mig-ingress-deprecated", source: "https://github.com/eficode-academy/kubernetes-katas/issues/128", question: "Is the Ingress API deprecated now?", must: [/^No\b/], mustNot: [/Ingress (API )?(is|was) deprecated/i] },
  { id: "mig-helm-httproute", source: "https://github.com/runatlantis/helm-charts/issues/525", question: "With Ingress NGINX retired, how do we add an HTTPRoute alongside our Ingress template?", must: [/HTTPRoute/] },

  // sticky sessions
  { id: "sticky-nginx-cookie", source: "https://github.com/kubernetes/ingress-nginx/issues/1922", question: "Cookie based session affinity on my nginx ingress does not stick to one tomcat pod. How is stickiness configured?", must: [/annotation|cookie/i] },
  { id: "sticky-gce", source: "https://github.com/kubernetes-retired/contrib/issues/2631", question: "The affinity cookie annotation does nothing on my GCE ingress. Is sticky session part of the Ingress API?", must: [/controller|annotation/i], mustNot: [/^Yes/] },
  { id: "sticky-haproxy", source: "https://github.com/jcmoraisjr/haproxy-ingress/issues/373", question: "How do I get sticky sessions working with my ingress? The cookie never appears.", must: [/annotation|sessionAffinity|ClientIP/i] },
  { id: "sticky-bare-metal", source: "https://github.com/kubernetes/ingress-nginx/issues/2735", question: "How do I make sure a user's requests keep going to the same pod in Kubernetes?", must: [/sessionAffinity|ClientIP|cookie/i] },
  { id: "sticky-service-timeout", source: "https://github.com/kubernetes/ingress-nginx/issues/8706", question: "How long does ClientIP session affinity on a Service keep a client on the same pod?", must: [/10800|three hours|3 h/i] },

  // rewrites and redirects
  { id: "rw-rewrite-target", source: "https://github.com/kubernetes/ingress-nginx/issues/5765", question: "How do I configure rewrite-target so the first part of the path is stripped before it reaches my service?", must: [/rewrite-target/, /\$2|capture|regex/i] },
  { id: "rw-caddy-strip", source: "https://github.com/caddyserver/ingress/issues/202", question: "How can I strip the /gqldocs prefix from requests routed by my Ingress?", must: [/annotation|URLRewrite|rewrite/i] },
  { id: "rw-portable", source: "https://github.com/kubernetes/ingress-nginx/issues/5197", question: "Is there a portable way to strip a path prefix that works across controllers?", must: [/URLRewrite|HTTPRoute|Gateway API/i] },
  { id: "rw-f5-strip", source: "https://github.com/F5Networks/k8s-bigip-ctlr/issues/835", question: "I route /testenv3/api1 to a backend that expects requests at /; how do I strip the prefix?", must: [/rewrite|ReplacePrefixMatch/i] },
  { id: "rw-kong-annotation", source: "https://github.com/Kong/kubernetes-ingress-controller/issues/78", question: "The rewrite-target annotation does not work with my ingress controller. Why not?", must: [/controller/i, /annotation/i] },
  { id: "rw-ingress-spec", source: "https://github.com/kubernetes-sigs/ingress-controller-conformance/pull/79", question: "Does the Ingress API support path rewrites?", must: [/^No\b/, /annotation/i] },
  { id: "redir-force-ssl", source: "https://github.com/kubernetes/ingress-nginx/pull/370", question: "How do I force redirect HTTP to HTTPS on my ingress?", must: [/ssl-redirect|RequestRedirect/i] },
  { id: "redir-alfresco", source: "https://github.com/Alfresco/acs-deployment/pull/47", question: "How do I make my ingress redirect plain HTTP requests to HTTPS?", must: [/redirect/i, /TLS|tls|https/] },
  { id: "redir-gateway-loop", source: "https://github.com/fourslickz/notes/wiki/%5BKUBERNETES%5D-HTTP-to-HTTPS-Redirect-dengan-Envoy-Gateway", question: "My HTTP to HTTPS redirect HTTPRoute causes too many redirects on the HTTPS side. How should I set it up with Gateway API?", must: [/sectionName|listener/i, /scheme/i] },

  // canaries
  { id: "canary-weight-over-100", source: "https://github.com/kubernetes/ingress-nginx/issues/9701", question: "How do I split traffic between two versions by weight for a canary release?", must: [/weight/i] },
  { id: "canary-translate-annotation", source: "https://github.com/apache/apisix-ingress-controller/issues/2199", question: "How do I express an nginx canary-weight annotation without controller annotations?", must: [/weight/i, /backendRefs|HTTPRoute/] },
  { id: "canary-envoy", source: "https://github.com/envoyproxy/gateway/issues/2255", question: "Can I do a canary release with weighted routing on Gateway API?", must: [/weight/i] },
  { id: "canary-header-only", source: "https://github.com/zooniverse/panoptes/pull/3443", question: "How do I send only requests that carry a specific header to the canary version?", must: [/header/i] },
  { id: "canary-90-10", source: "https://github.com/emissary-ingress/emissary/issues/106", question: "How do I send 90% of traffic to v1 and 10% to v1.1 of a service?", must: [/weight/i] },

  // ExternalName
  { id: "extname-ip-kind", source: "https://github.com/kubernetes-sigs/kind/issues/1152", question: "An ExternalName service whose externalName is an IP address does not resolve. Why, and what should I use instead?", must: [/digits|hostname|DNS name/i, /selector|EndpointSlice/i] },
  { id: "extname-ip-coredns", source: "https://github.com/coredns/coredns/issues/2164", question: "CoreDNS does not resolve my ExternalName service that points to a private IP. Can ExternalName point to an IP?", must: [/selector|EndpointSlice/i], mustNot: [/^Yes\b(?!, partly)/] },
  { id: "extname-host-header", source: "https://github.com/kubernetes/kubernetes/issues/61226", question: "HTTP requests through an ExternalName service do not carry the external host name in the Host header. Is that expected?", must: [/Host/] },
  { id: "extname-https", source: "https://github.com/kubernetes/website/pull/16627", question: "Does ExternalName work for an external HTTPS service?", must: [/certificate|TLS|SNI/i] },
  { id: "extname-503", source: "https://github.com/kubernetes/kubernetes/issues/90344", question: "Calling an external API through my ExternalName service returns HTTP 503 from the remote side. What could cause it?", must: [/Host|certificate/i] },

  // dual-stack
  { id: "ds-ipv6-still-v4", source: "https://github.com/kubernetes/kubernetes/issues/86518", question: "I asked for IPv6 on my service but it still gets an IPv4 cluster IP. What do I need?", must: [/dual-stack|dual stack/i, /ipFamilyPolicy|ipFamilies/] },
  { id: "ds-prefer-vs-require", source: "https://github.com/k3s-io/k3s/issues/13383", question: "My service stays IPv4-only with PreferDualStack and only RequireDualStack gives it IPv6. How do the two policies differ?", must: [/PreferDualStack/, /RequireDualStack/] },
  { id: "ds-policy-docs", source: "https://github.com/kubernetes/website/issues/46562", question: "What is the difference between PreferDualStack and RequireDualStack for a Service?", must: [/PreferDualStack/, /RequireDualStack/] },
  { id: "ds-chart-default", source: "https://github.com/itzg/minecraft-server-charts/pull/279", question: "How do I create a dual-stack service for a game server?", must: [/ipFamilyPolicy/, /DualStack/] },

  // gRPC balancing
  { id: "grpc-one-pod", source: "https://github.com/openimsdk/open-im-server/issues/2164", question: "All our gRPC traffic ends up on a single pod behind a Kubernetes Service. Why, and how do we spread it?", must: [/connection|HTTP\/2/i, /headless|L7|layer 7|GRPCRoute|proxy|mesh/i] },
  { id: "grpc-dapr", source: "https://github.com/dapr/dapr/issues/1444", question: "gRPC calls from one client to a service with two pods only ever hit one pod. How do we get round-robin?", must: [/connection|HTTP\/2/i] },
  { id: "grpc-knative", source: "https://github.com/knative/serving/issues/14011", question: "gRPC pings to a service with two replicas all go to the same pod. Is that expected?", must: [/connection|HTTP\/2/i] },
  { id: "grpc-traefik", source: "https://github.com/traefik/traefik/issues/6069", question: "Our API gateway forwards gRPC to a service and every request lands on the same pod. How should gRPC be load balanced in Kubernetes?", must: [/connection|HTTP\/2|per request/i] },

  // TLS passthrough
  { id: "tls-passthrough-app", source: "https://github.com/kubernetes/ingress-nginx/issues/6722", question: "I need TLS to be terminated by my application, not the ingress. How do I pass TLS through?", must: [/passthrough/i, /TLSRoute|SNI/] },
  { id: "tls-passthrough-tls-section", source: "https://github.com/kubernetes/ingress-nginx/issues/3862", question: "With TLS passthrough, does the gateway or ingress still need the certificate and key?", must: [/backend|Pod/i, /certificate/i] },
  { id: "tls-pod-terminate", source: "https://github.com/nginx/kubernetes-ingress/issues/492", question: "Is it possible to terminate SSL at the pod instead of the ingress controller?", must: [/passthrough|TLSRoute/i] },
  { id: "tls-passthrough-l7", source: "https://github.com/UKHomeOffice/application-container-platform/pull/523", question: "What do I lose when I use TLS passthrough instead of terminating TLS at the edge?", must: [/path|header|HTTP/i] },

  // non-HTTP through Ingress
  { id: "tcp-same-ip-as-http", source: "https://github.com/deckhouse/deckhouse/issues/2149", question: "Besides HTTP, our app needs a TCP port on the same IP as the ingress. Can Ingress expose it?", must: [/LoadBalancer|TCPRoute|NodePort/], mustNot: [/^Yes\b(?!, partly)/] },
  { id: "udp-ingress-target", source: "https://github.com/nasty-project/nasty/pull/132", question: "Can a UDP port be the target of an Ingress?", must: [/^No\b/] },
  { id: "tcp-custom-ports", source: "https://github.com/paritytech/substrate-playground/issues/149", question: "Can I make a Kubernetes Ingress listen on custom ports besides 80 and 443 for non-HTTP traffic?", must: [/LoadBalancer|TCPRoute|NodePort|UDPRoute/], mustNot: [/^Yes\b(?!, partly)/] },

  // kind / local access
  { id: "kind-cloud-provider", source: "https://github.com/kubernetes-sigs/cloud.provider.kind/issues/37", question: "How do I get ingress traffic working on a kind cluster?", must: [/cloud.provider.kind/i] },
  { id: "kind-access-services", source: "https://github.com/kubernetes-sigs/kind/pull/546", question: "How do I access services running inside a kind cluster from my machine?", must: [/port-forward|cloud.provider.kind/i] },
  { id: "kind-loadbalancer-support", source: "https://github.com/kubernetes/ingress-nginx/issues/12231", question: "Does kind support LoadBalancer services?", must: [/cloud.provider.kind/i] },
];

/**
 * Collected and graded after ask() had been tuned on FIRST_CASES, and measured before any change
 * was made for them: the closest this set has to held-out questions.
 */
export const LATE_CASES: readonly EvalCase[] = [
  { id: "late-crd-missing-v1alpha2", source: "https://github.com/OpenFunction/OpenFunction/issues/528", question: "Our controller crash-loops with no matches for kind HTTPRoute in version gateway.networking.k8s.io/v1alpha2 on GKE. What is missing?", must: [/CRD/] },
  { id: "late-tlsroute-crd", source: "https://github.com/kubernetes-sigs/gateway-api/issues/5202", question: "Installing the TLSRoute CRD fails as not compatible on a fresh cluster. What does TLSRoute v1 need?", must: [/TLSRoute/, /1\.31|v1/] },
  { id: "late-sts-resolve-peers", source: "https://github.com/kubernetes/kubernetes/issues/45779", question: "Pods in my StatefulSet cannot resolve each other by their expected hostnames. What do they need?", must: [/headless|clusterIP:? None/i, /serviceName/] },
  { id: "late-sts-service-name", source: "https://github.com/kubernetes/kubernetes/issues/74950", question: "Pod DNS names like database-0.db-svc do not resolve when the headless service is called db-svc and the StatefulSet database. Why?", must: [/serviceName/] },
  { id: "late-sts-nxdomain", source: "https://github.com/kubernetes/kubernetes/issues/57671", question: "nslookup of rabbitmq-0 returns NXDOMAIN although the rabbitmq service name resolves. How do StatefulSet members get DNS names?", must: [/headless|serviceName/i] },
  { id: "late-sts-not-headless", source: "https://github.com/kubernetes/kubernetes/issues/68352", question: "My StatefulSet pods have no DNS A records while their Service is a normal ClusterIP service. Is that expected?", must: [/headless|clusterIP:? None/i] },
  { id: "late-pf-udp", source: "https://github.com/kubernetes/kubernetes/issues/47862", question: "Can kubectl port-forward forward a UDP port?", must: [/TCP/], mustNot: [/^Yes\b(?!, partly)/] },
  { id: "late-pf-tcp-udp-same-port", source: "https://github.com/kubernetes/kubectl/issues/929", question: "kubectl port-forward to a service that exposes the same port over TCP and UDP fails saying UDP is not supported. What does port-forward support?", must: [/TCP/] },
  { id: "late-pf-docs-tcp", source: "https://github.com/kubernetes/website/issues/4109", question: "Does kubectl port-forward only work for TCP ports?", must: [/TCP/] },
  { id: "late-nodeport-no-access", source: "https://github.com/kubernetes/kubernetes/issues/86507", question: "My service cannot be accessed via its nodePort. What should I check?", must: [/firewall|security group/i] },
  { id: "late-nodeport-aws-kops", source: "https://github.com/kubernetes/kubernetes/issues/50261", question: "On an AWS cluster built with kops, curling the instance's public IP on the NodePort just hangs. Why?", must: [/firewall|security group/i] },
  { id: "late-nodeport-browser", source: "https://github.com/ACloudGuru-Resources/Course_Kubernetes_Deep_Dive_NP/issues/7", question: "I can reach my service by pod IP and cluster IP inside the cluster but not from my browser with node IP and node port. What am I doing wrong?", must: [/firewall|nodePort|node port/i] },
  { id: "late-nodeport-some-masters", source: "https://github.com/kubernetes/kubernetes/issues/72712", question: "Some of my NodePort services answer only on some of the nodes. Shouldn't a NodePort work on every node?", must: [/externalTrafficPolicy|kube-proxy|firewall|NetworkPolic/i] },
  { id: "late-nodeport-only-pod-node", source: "https://github.com/kubernetes/kubernetes/issues/58908", question: "A NodePort responds only on the node where the pod runs. What can cause that?", must: [/externalTrafficPolicy|NetworkPolic|firewall/i] },
  { id: "late-nodeport-selector", source: "https://github.com/kubeflow/kubeflow/issues/1525", question: "curl to the pod IP works but node-ip:30080 does not; the service selects name: nginx while the pods are labelled app: nginx. What is wrong?", must: [/selector|label/i] },
  { id: "late-nodeport-hard-way", source: "https://github.com/kelseyhightower/kubernetes-the-hard-way/issues/264", question: "I cannot reach the nginx service from outside at the node's external IP and node port. What should I check?", must: [/firewall|security group/i] },
  { id: "late-nodeport-firewalld", source: "https://github.com/openshift/origin/issues/14195", question: "A nodePort is not reachable from outside the host even though firewalld allows the port. What else decides which addresses serve a node port?", must: [/nodePortAddresses|nodeport-addresses|externalTrafficPolicy|firewall/i] },
  { id: "late-expose-aws", source: "https://github.com/kubernetes/kubernetes/issues/39849", question: "How do I expose a deployment to the outside on AWS? With NodePort I get no external endpoint.", must: [/LoadBalancer|firewall|security group/i] },
  { id: "late-crd-implementation", source: "https://github.com/envoyproxy/gateway/issues/4719", question: "Applying my route filter fails with no matches for kind HTTPRouteFilter, ensure CRDs are installed first. What does that mean?", must: [/CRD/] },
  { id: "late-pod-dns-name", source: "https://github.com/kubernetes/kubernetes/issues/38870", question: "How can one pod resolve another pod's IP by its name?", must: [/subdomain|headless/i] },
  { id: "late-cassandra-seeds", source: "https://github.com/openshift/origin/issues/13401", question: "Each Cassandra pod in my StatefulSet resolves its own DNS name but not the other members'. How should the seeds be addressed?", must: [/headless|serviceName/i] },
  { id: "late-headless-dns-problem", source: "https://github.com/kubernetes/kubernetes/issues/72891", question: "The headless service DNS for my StatefulSet does not work. What should I set?", must: [/serviceName|clusterIP:? None/i] },
];

/** A second late batch, on ports and on Ingress versus LoadBalancer: facts and comparisons rather than guides. */
export const LATE_CASES_2: readonly EvalCase[] = [
  { id: "late2-nodeport-equals-targetport", source: "https://github.com/kubernetes/kubernetes/issues/36490", question: "Can I make the node port take the same value as the target port instead of a random one?", must: [/range|30000-32767/i] },
  { id: "late2-three-ports", source: "https://github.com/sysnet4admin/SSF/issues/28", question: "Why does a Service have port, targetPort and nodePort, and does setting port and targetPort alone open it to the outside?", must: [/targetPort/, /nodePort|NodePort|LoadBalancer/] },
  { id: "late2-targetport-default", source: "https://github.com/confluentinc/cp-helm-charts/issues/562", question: "What does targetPort default to when I leave it out?", must: [/(default|same value|value of).{0,30}port/i] },
  { id: "late2-which-field-node", source: "https://github.com/kubernetes/kubernetes/issues/29730", question: "On a NodePort service, which field sets the port that every node listens on?", must: [/nodePort/] },
  { id: "late2-itp-local", source: "https://github.com/kubernetes/website/pull/40157", question: "What does internalTrafficPolicy Local do to traffic inside the cluster?", must: [/node/i, /drop/i] },
  { id: "late2-lb-vs-ingress-frontend", source: "https://github.com/GoogleCloudPlatform/microservices-demo/issues/548", question: "Why would I put an Ingress in front of my web frontend instead of a LoadBalancer Service?", must: [/HTTP|host|path/i] },
  { id: "late2-lb-vs-ingress-choose", source: "https://github.com/kubernetes/ingress-nginx/issues/691", question: "What is the difference between a LoadBalancer service and an Ingress, and which one should I choose?", must: [/HTTP/, /LoadBalancer/] },
  { id: "late2-three-lbs-cost", source: "https://github.com/OperationCode/operationcode_infra/issues/4", question: "We run three LoadBalancer services and pay for each. Can one Ingress replace them?", must: [/(one|single|same).{0,40}(address|load balancer|IP)|fanout|many Services/i] },
  { id: "late2-ingress-costs", source: "https://github.com/fabric8io/fabric8-devops/pull/578", question: "Does using Ingress instead of LoadBalancer services reduce cloud load balancer costs?", must: [/load balancer/i] },
  { id: "late2-ingress-adds", source: "https://github.com/kubernetes/website/issues/6719", question: "What does an Ingress give me that a LoadBalancer Service does not?", must: [/TLS|host|path|virtual host/i] },
  { id: "late2-lb-per-listener", source: "https://github.com/ServiceWeaver/weaver-kube/pull/114", question: "A LoadBalancer per public endpoint is getting expensive. What is the alternative?", must: [/Ingress|Gateway|HTTPRoute/] },
];

/** A third late batch, on Gateway TLS and moving from Ingress annotations. */
export const LATE_CASES_3: readonly EvalCase[] = [
  { id: "late3-listener-secret-namespace", source: "https://github.com/cilium/cilium/issues/32354", question: "Can a Gateway listener use a TLS certificate Secret from a different namespace?", must: [/ReferenceGrant/] },
  { id: "late3-certificaterefs-namespace", source: "https://github.com/dbulashev/dasha/pull/47", question: "When a listener's certificateRefs gives no namespace, where is the Secret looked up, and may it live elsewhere?", must: [/ReferenceGrant/] },
  { id: "late3-https-cross-ns-secret", source: "https://github.com/nginx/nginx-gateway-fabric/issues/529", question: "How do I use a TLS secret from another namespace for HTTPS termination on a Gateway?", must: [/ReferenceGrant/] },
  { id: "late3-edge-tls", source: "https://github.com/openshift/openshift-docs/pull/112677", question: "How do I terminate TLS at the gateway for traffic to my HTTPRoute?", must: [/certificateRefs|HTTPS listener|Terminate/i] },
  { id: "late3-https-needs-tls", source: "https://github.com/wso2/api-platform/pull/1731", question: "What does an HTTPS listener on a Gateway need to be configured with?", must: [/certificateRefs|tls/i] },
  { id: "late3-https-gateway-docs", source: "https://github.com/kubernetes/website/pull/56421", question: "How do I configure HTTPS for a Gateway API gateway?", must: [/HTTPS|certificateRefs/] },
  { id: "late3-map-ingress-features", source: "https://github.com/kubernetes-sigs/gateway-api/pull/1547", question: "When moving from Ingress, how do Ingress rules and TLS map onto Gateway API resources?", must: [/HTTPRoute/, /Gateway/] },
  { id: "late3-annotations-httproute", source: "https://github.com/Kong/docs.konghq.com/issues/6606", question: "Do I still need controller annotations on an HTTPRoute for header or method matching?", must: [/HTTPRoute/, /header|match/i] },
  { id: "late3-move-ingresses", source: "https://github.com/martinohmann/home-ops/pull/2750", question: "How do I move my existing ingresses over to HTTPRoutes?", must: [/HTTPRoute/] },
  { id: "late3-portability", source: "https://github.com/pottekkat/personal-website/pull/42", question: "Why are Ingress annotations a portability problem that Gateway API avoids?", must: [/annotation/i] },
];

export const EVAL_CASES: readonly EvalCase[] = [...FIRST_CASES, ...LATE_CASES, ...LATE_CASES_2, ...LATE_CASES_3];
