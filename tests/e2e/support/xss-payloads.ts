// The XSS corpus: payloads drawn from the OWASP XSS Filter Evasion Cheat Sheet and DOMPurify's
// test vectors (test/fixtures/expect.mjs), adapted so that each one, if it ever ran, would call
// `__xssHit(n)` (installed by xss-detector.ts) instead of alert(). `HIT` marks where the call goes;
// `HIT_ENT` is the same call written as HTML entities, `HIT_HEX` as \x escapes, for the encoded
// variants. Every payload is at most 120 characters; those of at most 80 (and no NUL) also go into names
// (people, teams, tokens), which allow no more.

const SCRIPT_TAGS = [
	'<script>HIT</script>',
	'<SCRIPT>HIT</SCRIPT>',
	'<ScRiPt>HIT</sCrIpT>',
	'<script >HIT</script >',
	'<script/xss>HIT</script>',
	'<script src=data:text/javascript,HIT></script>',
	'<script>/*</script>*/HIT</script>',
	'"><script>HIT</script>',
	"'><script>HIT</script>",
	'</title><script>HIT</script>',
	'</textarea><script>HIT</script>',
	'</style><script>HIT</script>',
	'</script><script>HIT</script>',
	'<<script>HIT//<</script>',
	'<script\x0Dtype="text/javascript">HIT</script>',
	'<script\ttype="text/javascript">HIT</script>',
	'<scr<script>ipt>HIT</scr</script>ipt>',
	'<script>eval("HIT")</script>',
	'<script>setTimeout("HIT")</script>',
	'<script>Function("HIT")()</script>',
	'<script>[].constructor.constructor("HIT")()</script>',
	'<script type=module>HIT</script>',
	'<script>document.write("<img src=x onerror=HIT>")</script>',
	'<noscript><p title="</noscript><img src=x onerror=HIT>">',
	'<xmp><script>HIT</script></xmp>'
];

const EVENT_HANDLERS = [
	'<img src=x onerror=HIT>',
	'<IMG SRC=x OnErRoR=HIT>',
	'<img src=x onerror="HIT">',
	"<img src=x onerror='HIT'>",
	'<img src=x onerror=`HIT`>',
	'<img/src=x/onerror=HIT>',
	'<img src=x:alert(1) onerror=HIT>',
	'<img src onerror=HIT>',
	'<img src=x onerror\x0B=HIT>',
	'<img """><script>HIT</script>">',
	'<image src=x onerror=HIT>',
	'<svg onload=HIT>',
	'<svg/onload=HIT>',
	'<body onload=HIT>',
	'<body onpageshow=HIT>',
	'<iframe onload=HIT></iframe>',
	'<iframe src=x onerror=HIT></iframe>',
	'<input onfocus=HIT autofocus>',
	'<input autofocus onfocusin=HIT>',
	'<select onfocus=HIT autofocus></select>',
	'<textarea onfocus=HIT autofocus></textarea>',
	'<keygen onfocus=HIT autofocus>',
	'<details open ontoggle=HIT>',
	'<details/open/ontoggle=HIT>',
	'<video><source onerror=HIT></video>',
	'<video src=x onerror=HIT></video>',
	'<audio src=x onerror=HIT></audio>',
	'<marquee onstart=HIT>x</marquee>',
	'<div onmouseover=HIT style="position:fixed;inset:0">x</div>',
	'<div onpointerenter=HIT style="position:fixed;inset:0">x</div>',
	'<a onmouseover=HIT>hover</a>',
	'<button onclick=HIT>x</button>',
	'<form><button formaction=javascript:HIT>x</button></form>',
	'<object data=x onerror=HIT></object>',
	'<embed src=x onerror=HIT>',
	'<link rel=stylesheet href=x onerror=HIT>',
	'<style onload=HIT></style>',
	'<table background=x onerror=HIT>',
	'<td background=x onerror=HIT>',
	'<x onclick=HIT>click',
	'<html onmouseover=HIT>',
	'<meter onmouseover=HIT>0</meter>',
	'<img src=x onerror=HIT//',
	'<img src=x onerror=HIT <!--',
	'<svg><animate onbegin=HIT attributeName=x dur=1s>',
	'<svg><set onbegin=HIT attributename=x to=1>',
	'<svg><discard onbegin=HIT>',
	'<bgsound src=x onerror=HIT>',
	'<frameset onload=HIT>',
	'<isindex type=image src=1 onerror=HIT>',
	'<img src=x onerror=eval(atob("X194c3NIaXQoMCk="))>',
	'<img src=x onerror=window["__xss"+"Hit"](0)>',
	'<img src=x onerror=this.ownerDocument.defaultView.HIT>',
	'<input type=image src=x onerror=HIT>',
	'<body onhashchange=HIT>'
];

const JAVASCRIPT_URLS = [
	'<a href="javascript:HIT">link</a>',
	'<a href=javascript:HIT>link</a>',
	'<a href="JaVaScRiPt:HIT">link</a>',
	'<a href=" javascript:HIT">link</a>',
	'<a href="java\tscript:HIT">link</a>',
	'<a href="java\nscript:HIT">link</a>',
	'<a href="java&#x09;script:HIT">link</a>',
	'<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;HIT">link</a>',
	'<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;HIT">link</a>',
	'<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116:HIT">a</a>',
	'<a href="javascript&colon;HIT">link</a>',
	'<a href="jav&#x0D;ascript:HIT">link</a>',
	'<a href="javascript://%0aHIT">link</a>',
	'<a href="vbscript:HIT">link</a>',
	'<a href="livescript:HIT">link</a>',
	'<iframe src="javascript:HIT"></iframe>',
	'<iframe srcdoc="<script>parent.HIT</script>"></iframe>',
	'<form action=javascript:HIT><input type=submit></form>',
	'<object data="javascript:HIT"></object>',
	'<embed src="javascript:HIT">',
	'<img src="javascript:HIT">',
	'<img dynsrc="javascript:HIT">',
	'<img lowsrc="javascript:HIT">',
	'<base href="javascript:HIT//">',
	'<meta http-equiv="refresh" content="0;url=javascript:HIT">',
	'<math><maction actiontype="statusline" xlink:href="javascript:HIT">x</maction></math>',
	'<svg><a xlink:href="javascript:HIT"><text x=20 y=20>x</text></a></svg>',
	'<svg><a href="javascript:HIT"><rect width=100 height=100 /></a></svg>',
	'javascript:HIT',
	'<area href="javascript:HIT">'
];

const SVG_MATHML = [
	'<svg><script>HIT</script></svg>',
	'<svg><script href=data:,HIT /></svg>',
	'<svg><script xlink:href=data:,HIT></script></svg>',
	'<svg><foreignObject><img src=x onerror=HIT></foreignObject></svg>',
	'<svg><style><img src=x onerror=HIT></style></svg>',
	'<svg><title><img src=x onerror=HIT></title></svg>',
	'<svg><desc><img src=x onerror=HIT></desc></svg>',
	'<svg><use href="data:image/svg+xml,<svg id=x onload=HIT>" /></svg>',
	'<svg><image href=x onerror=HIT /></svg>',
	'<svg><animate attributeName=href values=javascript:HIT /><a id=x><text>x</text></a></svg>',
	'<svg><set attributeName=onmouseover to=HIT /></svg>',
	'<svg><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">HIT</handler></svg>',
	'<svg><feImage href=x onerror=HIT /></svg>',
	'<svg><![CDATA[><img src=x onerror=HIT>]]></svg>',
	'<svg></p><style><a id="</style><img src=x onerror=HIT>">',
	'<math><mtext><table><mglyph><style><img src=x onerror=HIT></style></mglyph></table></mtext></math>',
	'<math><mi xlink:href="data:x,<script>HIT</script>">x</mi></math>',
	'<math><mtext><img src=x onerror=HIT></mtext></math>',
	'<math><annotation-xml encoding="text/html"><img src=x onerror=HIT></annotation-xml></math>',
	'<math href="javascript:HIT">click</math>',
	'<svg><script>&#x5F;&#x5F;xssHit(0)</script></svg>',
	'<svg><a><animate attributeName=href to=javascript:HIT /><text>x</text></a></svg>',
	'<svg><textarea><img src=x onerror=HIT></textarea></svg>',
	'<svg><iframe srcdoc="<img src=x onerror=parent.HIT>"></iframe></svg>',
	'<svg xmlns="http://www.w3.org/2000/svg" onload="HIT"/>'
];

const DATA_URIS = [
	'<iframe src="data:text/html,<script>parent.HIT</script>"></iframe>',
	'<iframe src="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3NIaXQoMCk8L3NjcmlwdD4="></iframe>',
	'<object data="data:text/html,<script>parent.HIT</script>"></object>',
	'<embed src="data:image/svg+xml,<svg onload=parent.HIT>">',
	'<a href="data:text/html,<script>HIT</script>">link</a>',
	'<script src="data:,HIT"></script>',
	'<img src="data:image/svg+xml,<svg onload=HIT>">',
	'<link rel=import href="data:text/html,<script>HIT</script>">',
	'<iframe src=data:image/svg+xml,<svg%20onload=parent.HIT>></iframe>',
	'<form action="data:text/html,<script>HIT</script>"><button>x</button></form>'
];

/** Mutation XSS: markup that changes meaning when the browser re-parses it (DOMPurify's fixtures). */
const MUTATION = [
	'<noscript><img src=x onerror=HIT></noscript>',
	'<p><svg><style><p title="</style><img src=x onerror=HIT>">',
	'<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=HIT>',
	'<math><mtext><table><mglyph><svg><mtext><style><path id="</style><img onerror=HIT src>">',
	'<svg></p><style><a id="</style><img src=1 onerror=HIT>">',
	'<svg><p><style><a id="</style><img src=1 onerror=HIT>">',
	'<noembed><img title="</noembed><img src=x onerror=HIT>"></noembed>',
	'<noframes><img title="</noframes><img src=x onerror=HIT>"></noframes>',
	'<iframe><img title="</iframe><img src=x onerror=HIT>"></iframe>',
	'<textarea><img title="</textarea><img src=x onerror=HIT>"></textarea>',
	'<title><img title="</title><img src=x onerror=HIT>"></title>',
	'<style><img title="</style><img src=x onerror=HIT>"></style>',
	'<xmp><img title="</xmp><img src=x onerror=HIT>"></xmp>',
	'<listing>&lt;img src=x onerror=HIT&gt;</listing>',
	'<template><img src=x onerror=HIT></template>',
	'<template><script>HIT</script></template>',
	'<a title="a`"><img src=x onerror=HIT>`">x</a>',
	'<!--<img src="--><img src=x onerror=HIT//">',
	'<!-- --!><img src=x onerror=HIT> -->',
	'<?xml ><img src=x onerror=HIT>?>',
	'<![CDATA[<img src=x onerror=HIT>]]>',
	'<div id="1"><form id="foobar"></form><button form="foobar" formaction="javascript:HIT">X</button></div>',
	'<a href="\u0001javascript:HIT">link</a>',
	'<img src="x` `<script>HIT</script>"` `>',
	'<select><template><style><img src=x onerror=HIT></style></template></select>',
	'<table><tbody><tr><td><svg><style><img src=x onerror=HIT></style></svg></td></tr></tbody></table>',
	'<option><style></option></select><img src=x onerror=HIT></style>',
	'<img id=__xssHit src=x onerror=HIT>',
	'<form name=__xssHit><img src=x onerror=HIT>',
	'<a id=x tabindex=1 onfocus=HIT></a>'
];

const TEMPLATE_STYLE = [
	'{{constructor.constructor("HIT")()}}',
	'${HIT}',
	'{HIT}',
	'{@html "<img src=x onerror=HIT>"}',
	'<%= HIT %>',
	'#{HIT}',
	'<div style="background:url(javascript:HIT)">x</div>',
	'<div style="width:expression(HIT)">x</div>',
	'<style>@import "javascript:HIT";</style>',
	'<style>body{background:url("javascript:HIT")}</style>',
	'<link rel=stylesheet href="javascript:HIT">',
	'<div style="-moz-binding:url(x#xss)" onclick=HIT>x</div>',
	'<style>*{x:expression(HIT)}</style>',
	'<img style="xss:expr/*x*/ession(HIT)">',
	'<div data-sveltekit-reload onclick=HIT>x</div>',
	'<span style="behavior:url(x.htc)" onmouseover=HIT>x</span>',
	'<svg><style>@import url("javascript:HIT")</style></svg>',
	'<div style="animation-name:x" onanimationstart=HIT>x</div>',
	'<style>@keyframes x{}</style><div style="animation-name:x" onanimationstart=HIT></div>',
	'<div style=content:url(javascript:HIT)>x</div>'
];

const ENCODED = [
	'&lt;script&gt;HIT&lt;/script&gt;',
	'%3Cscript%3EHIT%3C/script%3E',
	'\\u003cscript\\u003eHIT\\u003c/script\\u003e',
	'\\x3cscript\\x3eHIT\\x3c/script\\x3e',
	'<img src=x onerror=HIT_ENT>',
	'<img src=x onerror="HIT_ENT">',
	'<a href="javascript:HIT_ENT">link</a>',
	'<img src=x onerror=eval("HIT_HEX")>',
	'<img src=x onerror=eval(\'\\u005f\\u005fxssHit(0)\')>',
	'<svg><script>HIT_ENT</script></svg>',
	'＜script＞HIT＜/script＞',
	'<scr\u0000ipt>HIT</scr\u0000ipt>',
	'<img src=x onerror=\u2028HIT>',
	'+ADw-script+AD4-HIT+ADw-/script+AD4-',
	'<img src=x onerror=&#x5F;&#x5F;xssHit&#x28;0&#x29;>',
	'<img src=x onerror=&#95;&#95;xssHit&#40;0&#41;>',
	'<img src=x onerror=&#0000095&#0000095xssHit&#0000040;0&#0000041;>',
	'"><img src=x onerror=HIT>',
	"'-HIT-'",
	'";HIT;//',
	"');HIT;//",
	'</script><img src=x onerror=HIT>',
	'\\"-HIT}//',
	'<img src=`x`onerror=HIT>',
	'<img src=x onerror=HIT\u00a0>'
];

/** Markdown-specific: links, images and raw HTML that a Markdown renderer might let through. */
const MARKDOWN = [
	'[click](javascript:HIT)',
	'[click](JAVASCRIPT:HIT)',
	'[click](javascript&#58;HIT)',
	'[click](&#x6A;avascript:HIT)',
	'[click]( javascript:HIT)',
	'[click](<javascript:HIT>)',
	'[click](javascript:HIT "title")',
	'[click][ref]\n\n[ref]: javascript:HIT',
	'![img](x" onerror="HIT)',
	'![img](javascript:HIT)',
	'![x](x onerror=HIT)',
	'[x](x" onmouseover="HIT)',
	'<javascript:HIT>',
	'[a](data:text/html;base64,PHNjcmlwdD5fX3hzc0hpdCgwKTwvc2NyaXB0Pg==)',
	'[a](vbscript:HIT)',
	'**<img src=x onerror=HIT>**',
	'`<img src=x onerror=HIT>`',
	'```html\n<script>HIT</script>\n```',
	'> <img src=x onerror=HIT>',
	'- <svg onload=HIT>',
	'# <img src=x onerror=HIT>',
	'[<img src=x onerror=HIT>](x)',
	'[x](https://example.com/"onmouseover="HIT)',
	'<a href="javascript:HIT">md raw link</a>',
	'[x](javascript:window.HIT)',
	'[x](\\javascript:HIT)',
	'[x](javascript%3AHIT)',
	'<details open ontoggle=HIT>md</details>'
];

const GROUPS = { SCRIPT_TAGS, EVENT_HANDLERS, JAVASCRIPT_URLS, SVG_MATHML, DATA_URIS, MUTATION, TEMPLATE_STYLE, ENCODED, MARKDOWN };

export interface XssPayload {
	n: number;
	group: keyof typeof GROUPS;
	text: string;
}

const entities = (s: string) => [...s].map((c) => `&#${c.charCodeAt(0)};`).join('');
const hex = (s: string) => [...s].map((c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');

/** Every payload, numbered; `n` is what the payload passes to `__xssHit` if it ever runs. */
export const XSS_PAYLOADS: XssPayload[] = Object.entries(GROUPS).flatMap(([group, templates]) =>
	templates.map((template) => ({ group: group as keyof typeof GROUPS, template }))
).map(({ group, template }, n) => {
	const call = `__xssHit(${n})`;
	return {
		n,
		group,
		text: template.replaceAll('HIT_ENT', entities(call)).replaceAll('HIT_HEX', hex(call)).replaceAll('HIT', call).replaceAll('__xssHit(0)', call)
	};
});
